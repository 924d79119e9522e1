package io.gvgap.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.model.LanguageModel;
import java.io.PrintStream;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An OpenAI-compatible HTTP server (Jetty 12) over any {@link LanguageModel}: {@code POST
 * /v1/completions}, {@code POST /v1/chat/completions}, {@code GET /v1/models}, {@code GET /health}
 * and the gvgap extension {@code GET /stats}. The caller keeps ownership of the model.
 *
 * <pre>{@code
 * try (OpenAiServer server = OpenAiServer.start(model, TokenBoundaries.characters(),
 *     ServerOptions.loopback("arith-s"), System.err)) {
 *   System.out.println(server.baseUri()); // http://127.0.0.1:PORT/v1
 * }
 * }</pre>
 */
public final class OpenAiServer implements AutoCloseable {
  private final Server jetty;
  private final ServerConnector connector;
  private final ServerStats stats;
  private final ServerOptions options;

  private OpenAiServer(Server jetty, ServerConnector connector, ServerStats stats, ServerOptions options) {
    this.jetty = jetty;
    this.connector = connector;
    this.stats = stats;
    this.options = options;
  }

  /**
   * Starts serving.
   *
   * @param model the model, used by one request at a time
   * @param boundaries where the model's tokens start, for echoed prompt log-probabilities
   * @param options host, port, workers, fault injection
   * @param log receives one line per injected fault and per model failure
   * @throws IllegalStateException when the port cannot be bound
   */
  public static OpenAiServer start(LanguageModel model, TokenBoundaries boundaries, ServerOptions options,
      PrintStream log) {
    ObjectMapper mapper = new ObjectMapper();
    ServerStats stats = new ServerStats();
    QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, options.workers() + 8));
    threads.setName("gvgap-serve");
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(options.host());
    connector.setPort(options.port());
    jetty.addConnector(connector);
    CompletionsEndpoint endpoint = new CompletionsEndpoint(new SerializedModel(model), boundaries,
        options.servedName(), mapper);
    jetty.setHandler(new GracefulHandler(new OpenAiHandler(endpoint, options, stats, mapper, log)));
    jetty.setStopTimeout(options.stopTimeoutMillis());
    try {
      jetty.start();
    } catch (Exception e) {
      try {
        jetty.stop();
      } catch (Exception ignored) {
        // the start failure is the error worth reporting
      }
      throw new IllegalStateException("could not start the server on " + options.host() + ":" + options.port()
          + " (is the port in use? pass port 0 to pick a free one): " + e.getMessage(), e);
    }
    return new OpenAiServer(jetty, connector, stats, options);
  }

  /** The bound port (the chosen one when the options asked for 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The API base URL clients use, e.g. {@code http://127.0.0.1:8000/v1}. */
  public URI baseUri() {
    return URI.create("http://" + options.host() + ":" + port() + "/v1");
  }

  /** What the server has answered so far. */
  public ServerStats stats() {
    return stats;
  }

  /** Blocks until the server stops (from another thread's {@link #close()}). */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /** Stops accepting, lets requests in flight finish (up to the stop timeout), then stops. */
  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the server did not stop cleanly: " + e.getMessage(), e);
    }
  }
}
