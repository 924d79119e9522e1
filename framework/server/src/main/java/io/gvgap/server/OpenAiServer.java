package io.gvgap.server;

import io.gvgap.api.model.LanguageModel;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An OpenAI-compatible HTTP server (Jetty 12) over any {@link LanguageModel}: {@code POST
 * /v1/completions}, {@code POST /v1/chat/completions}, {@code GET /v1/models}, {@code GET /health}
 * and the gvgap extension {@code GET /stats}. What a request may ask for is bounded by
 * {@link ServerLimits}. The caller keeps ownership of the model.
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
  private final OpenAiHandler handler;
  private final WorkQueue work;
  private final PrintStream log;
  private boolean closed;

  private OpenAiServer(
      Server jetty,
      ServerConnector connector,
      ServerStats stats,
      ServerOptions options,
      OpenAiHandler handler,
      WorkQueue work,
      PrintStream log) {
    this.jetty = jetty;
    this.connector = connector;
    this.stats = stats;
    this.options = options;
    this.handler = handler;
    this.work = work;
    this.log = log;
  }

  /**
   * Starts serving.
   *
   * @param model the model, used by one request at a time
   * @param boundaries where the model's tokens start, for echoed prompt log-probabilities
   * @param options host, port, workers, key and limits
   * @param log receives a warning when the server is reachable from other machines without a key,
   *     and one line per model failure
   * @throws IllegalStateException when the port cannot be bound
   */
  public static OpenAiServer start(
      LanguageModel model, TokenBoundaries boundaries, ServerOptions options, PrintStream log) {
    if (options.apiKey() == null && !isLoopback(options.host())) {
      log.println(unprotectedWarning(options.host()));
    }
    ServerStats stats = new ServerStats();
    QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, options.workers() + 8));
    threads.setName("gvgap-serve");
    Server jetty = new Server(threads);
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(options.host());
    connector.setPort(options.port());
    connector.setIdleTimeout(options.limits().idleTimeoutMillis());
    jetty.addConnector(connector);
    jetty.addBean(new NetworkConnectionLimit(options.limits().maxConnections(), connector));
    WorkQueue work = new WorkQueue(options.workers(), options.limits().maxQueued());
    CompletionsEndpoint endpoint = new CompletionsEndpoint(
        new SerializedModel(model),
        boundaries,
        options.servedName(),
        options.limits(),
        model.info().contextLength(),
        stats);
    OpenAiHandler handler = new OpenAiHandler(endpoint, options, stats, work, log);
    jetty.setHandler(handler);
    // close() waits for requests itself; Jetty's own graceful wait would also wait for idle
    // keep-alive connections
    jetty.setStopTimeout(0);
    try {
      jetty.start();
    } catch (Exception e) {
      try {
        jetty.stop();
        work.shutdown(0);
      } catch (Exception ignored) {
        // the start failure is the error worth reporting
      }
      throw new IllegalStateException(
          "could not start the server on " + options.host() + ":" + options.port()
              + " (is the port in use? pass port 0 to pick a free one): " + e.getMessage(),
          e);
    }
    return new OpenAiServer(jetty, connector, stats, options, handler, work, log);
  }

  /** True for a loopback address (127.0.0.1, ::1, localhost): only this machine can connect. */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The warning printed when a server without a key listens beyond this machine. */
  static String unprotectedWarning(String host) {
    return "gvgap serve: warning: listening on " + host
        + " without an API key: anyone who can reach this "
        + "machine can use the model. Set a key (gvgap serve --api-key-env VAR) or bind 127.0.0.1.";
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

  /**
   * Stops: refuses new connections and new completion requests (503), lets requests in flight
   * finish for up to the stop timeout, then stops the rest at their next model call (503) and
   * closes every connection. Safe to call twice.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean interrupted = false;
    try {
      work.stopAccepting();
      connector.shutdown();
      if (!handler.awaitIdle(options.stopTimeoutMillis())) {
        work.abandon();
        handler.failPendingBodies();
        if (!handler.awaitIdle(10_000)) {
          log.println(
              "gvgap serve: a request was still in a model call 10 s after the stop timeout; closing anyway");
        }
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    try {
      jetty.stop();
      if (!work.shutdown(5_000)) {
        log.println("gvgap serve: a worker was still in a model call when the server stopped");
      }
    } catch (InterruptedException e) {
      interrupted = true;
    } catch (Exception e) {
      throw new IllegalStateException("the server did not stop cleanly: " + e.getMessage(), e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
