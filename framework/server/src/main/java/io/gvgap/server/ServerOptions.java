package io.gvgap.server;

import java.util.Objects;

/**
 * How an {@link OpenAiServer} listens and behaves.
 *
 * @param host interface to bind ({@code 127.0.0.1} keeps the server private to this machine; any
 *     other address without an API key makes the server print a warning)
 * @param port TCP port; 0 picks a free one (read it back with {@link OpenAiServer#port()})
 * @param servedName the model id clients must send in {@code model} and that {@code /v1/models} lists
 * @param workers completion requests handled at once; further requests wait in arrival order, up
 *     to {@link ServerLimits#maxQueued()}
 * @param apiKey when not null, requests must send {@code Authorization: Bearer <apiKey>} (401 otherwise);
 *     only {@code GET /health} is open
 * @param stopTimeoutMillis how long {@link OpenAiServer#close()} lets requests in flight finish
 *     before it answers the rest 503
 * @param limits what a request may ask for
 */
public record ServerOptions(
    String host,
    int port,
    String servedName,
    int workers,
    String apiKey,
    long stopTimeoutMillis,
    ServerLimits limits) {

  /** Validates the options. */
  public ServerOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(limits, "limits");
    if (servedName == null || servedName.isBlank()) {
      throw new IllegalArgumentException(
          "servedName must not be blank: it is the model id clients send");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, was " + port);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, was " + workers);
    }
    if (stopTimeoutMillis < 0) {
      throw new IllegalArgumentException(
          "stopTimeoutMillis must be >= 0, was " + stopTimeoutMillis);
    }
  }

  /** Loopback, a free port, 4 workers, no key, 10 s graceful stop, the default limits. */
  public static ServerOptions loopback(String servedName) {
    return new ServerOptions("127.0.0.1", 0, servedName, 4, null, 10_000, ServerLimits.defaults());
  }

  /** These options with a required API key. */
  public ServerOptions withApiKey(String key) {
    return new ServerOptions(host, port, servedName, workers, key, stopTimeoutMillis, limits);
  }

  /** These options with another port and worker count. */
  public ServerOptions withPortAndWorkers(int newPort, int newWorkers) {
    return new ServerOptions(
        host, newPort, servedName, newWorkers, apiKey, stopTimeoutMillis, limits);
  }

  /** These options with other limits. */
  public ServerOptions withLimits(ServerLimits newLimits) {
    return new ServerOptions(host, port, servedName, workers, apiKey, stopTimeoutMillis, newLimits);
  }

  /** These options with another graceful-stop timeout. */
  public ServerOptions withStopTimeoutMillis(long millis) {
    return new ServerOptions(host, port, servedName, workers, apiKey, millis, limits);
  }
}
