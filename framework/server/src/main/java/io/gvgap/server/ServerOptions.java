package io.gvgap.server;

import java.util.Objects;

/**
 * How an {@link OpenAiServer} listens and behaves.
 *
 * @param host interface to bind ({@code 127.0.0.1} keeps the server private to this machine)
 * @param port TCP port; 0 picks a free one (read it back with {@link OpenAiServer#port()})
 * @param servedName the model id clients must send in {@code model} and that {@code /v1/models} lists
 * @param workers requests handled at once; further requests wait in arrival order
 * @param failRate fault injection for tests and benchmarks: the share of completion requests
 *     answered with HTTP 500 (0 = none)
 * @param failSeed seeds the fault-injection draws, so a run's faults repeat
 * @param apiKey when not null, requests must send {@code Authorization: Bearer <apiKey>} (401 otherwise)
 * @param stopTimeoutMillis how long {@link OpenAiServer#close()} waits for requests in flight
 */
public record ServerOptions(String host, int port, String servedName, int workers, double failRate, long failSeed,
    String apiKey, long stopTimeoutMillis) {

  /** Validates the options. */
  public ServerOptions {
    Objects.requireNonNull(host, "host");
    if (servedName == null || servedName.isBlank()) {
      throw new IllegalArgumentException("servedName must not be blank: it is the model id clients send");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, was " + port);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }
    if (!(failRate >= 0 && failRate < 1)) {
      throw new IllegalArgumentException("failRate must be in [0, 1), was " + failRate);
    }
    if (stopTimeoutMillis < 0) {
      throw new IllegalArgumentException("stopTimeoutMillis must be >= 0, was " + stopTimeoutMillis);
    }
  }

  /** Loopback, a free port, 4 workers, no faults, no key, 10 s graceful stop. */
  public static ServerOptions loopback(String servedName) {
    return new ServerOptions("127.0.0.1", 0, servedName, 4, 0, 0, null, 10_000);
  }

  /** These options with another fault rate and seed. */
  public ServerOptions withFaults(double rate, long seed) {
    return new ServerOptions(host, port, servedName, workers, rate, seed, apiKey, stopTimeoutMillis);
  }

  /** These options with a required API key. */
  public ServerOptions withApiKey(String key) {
    return new ServerOptions(host, port, servedName, workers, failRate, failSeed, key, stopTimeoutMillis);
  }

  /** These options with another port and worker count. */
  public ServerOptions withPortAndWorkers(int newPort, int newWorkers) {
    return new ServerOptions(host, newPort, servedName, newWorkers, failRate, failSeed, apiKey, stopTimeoutMillis);
  }
}
