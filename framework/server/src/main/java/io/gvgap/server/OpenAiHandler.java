package io.gvgap.server;

import io.gvgap.core.openai.ErrorResponse;
import io.gvgap.core.openai.ModelList;
import io.gvgap.core.openai.OpenAiJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes the OpenAI endpoints and enforces, in this order: the path and method, the API key
 * (before a byte of the body is kept), the body size (from {@code Content-Length} before reading,
 * and while reading), the body deadline, the request's own limits, and the queue length. A body
 * that is not used (a refused request) is drained, never kept, so the connection stays usable.
 */
final class OpenAiHandler extends Handler.Abstract {
  private final CompletionsEndpoint completions;
  private final ServerOptions options;
  private final ServerStats stats;
  private final WorkQueue work;
  private final PrintStream log;
  private final Set<Request> reading = ConcurrentHashMap.newKeySet();
  private final Object idle = new Object();
  private int inFlight;

  OpenAiHandler(
      CompletionsEndpoint completions,
      ServerOptions options,
      ServerStats stats,
      WorkQueue work,
      PrintStream log) {
    this.completions = completions;
    this.options = options;
    this.stats = stats;
    this.work = work;
    this.log = log;
  }

  /** Thrown into body reads when the server stops before the body has arrived. */
  private static final class Stopping extends Exception {
    private static final long serialVersionUID = 1L;

    Stopping() {
      super("the server is stopping", null, false, false);
    }
  }

  /** One request's answer, written once; counts the request in flight until written. */
  private final class Exchange {
    final Request request;
    final Response response;
    final Callback callback;
    final AtomicBoolean answered = new AtomicBoolean();

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
    }

    void respond(int status, Object body, boolean close, String retryAfter) {
      if (!answered.compareAndSet(false, true)) {
        return;
      }
      if (status >= 400) {
        stats.error();
      }
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      if (close) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
      }
      if (retryAfter != null) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
      }
      Content.Sink.write(
          response, true, OpenAiJson.write(body), Callback.from(this::done, failure -> {
            done();
          }));
    }

    void error(ApiException e, boolean close) {
      respond(
          e.status(),
          ErrorResponse.of(e.getMessage(), e.type()),
          close,
          e.status() == 503 ? "1" : null);
    }

    /** Gives up on the exchange without an answer (its client has gone). */
    void abort(Throwable cause) {
      if (answered.compareAndSet(false, true)) {
        stats.error();
        callback.failed(cause);
        finished();
      }
    }

    private void done() {
      callback.succeeded();
      finished();
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    stats.request();
    synchronized (idle) {
      inFlight++;
    }
    Exchange exchange = new Exchange(request, response, callback);
    try {
      dispatch(exchange);
    } catch (ApiException e) {
      drainThen(exchange, () -> exchange.error(e, false));
    } catch (RuntimeException e) {
      log.println("gvgap serve: 500 " + request.getMethod() + " "
          + Request.getPathInContext(request) + ": " + e);
      drainThen(
          exchange,
          () -> exchange.error(
              new ApiException(500, "server_error", "the server failed: " + e), false));
    }
    return true;
  }

  private void dispatch(Exchange exchange) {
    Request request = exchange.request;
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    boolean completion = path.equals("/v1/completions") || path.equals("/v1/chat/completions");
    boolean known =
        completion || path.equals("/v1/models") || path.equals("/health") || path.equals("/stats");
    if (!known) {
      throw new ApiException(
          404,
          "not_found_error",
          "no endpoint " + path + "; gvgap serve has POST /v1/completions, "
              + "POST /v1/chat/completions, GET /v1/models, GET /health and GET /stats");
    }
    String expected = completion ? "POST" : "GET";
    if (!method.equals(expected)) {
      throw new ApiException(
          405,
          "invalid_request_error",
          method + " is not allowed on " + path + "; use " + expected);
    }
    if (path.equals("/health")) {
      drainThen(exchange, () -> exchange.respond(200, Map.of("status", "ok"), false, null));
      return;
    }
    checkKey(request);
    if (path.equals("/stats")) {
      drainThen(exchange, () -> exchange.respond(200, statsBody(), false, null));
      return;
    }
    if (path.equals("/v1/models")) {
      drainThen(
          exchange,
          () -> exchange.respond(200, ModelList.of(options.servedName(), "gvgap"), false, null));
      return;
    }
    stats.completionRequest();
    if (work.stopping()) {
      throw stopping();
    }
    long limit = options.limits().maxBodyBytes();
    long length = request.getLength();
    if (length > limit) {
      // refused before reading: the connection closes rather than receive a body nobody will use
      exchange.error(tooLarge(length + " bytes", limit), true);
      return;
    }
    reading.add(request);
    BoundedBody.read(
        request, limit, true, options.limits().bodyTimeoutMillis(), new BoundedBody.Outcome() {
          @Override
          public void complete(byte[] body) {
            reading.remove(request);
            accept(exchange, path, body);
          }

          @Override
          public void tooLarge(long max) {
            reading.remove(request);
            exchange.error(OpenAiHandler.tooLarge("more than " + max + " bytes", max), true);
          }

          @Override
          public void failed(Throwable failure) {
            reading.remove(request);
            bodyFailed(exchange, failure);
          }
        });
  }

  private void accept(Exchange exchange, String path, byte[] body) {
    CompletionsEndpoint.Job job;
    try {
      job = path.equals("/v1/completions") ? completions.completions(body) : completions.chat(body);
    } catch (ApiException e) {
      exchange.error(e, false);
      return;
    } catch (RuntimeException e) {
      log.println("gvgap serve: 500 POST " + path + ": " + e);
      exchange.error(new ApiException(500, "server_error", "the server failed: " + e), false);
      return;
    }
    ClientProbe probe = new ClientProbe(exchange.request);
    if (!work.submit(() -> run(exchange, path, job, probe))) {
      exchange.error(
          work.stopping()
              ? stopping()
              : new ApiException(
                  503,
                  "server_busy",
                  "the server is busy: "
                      + options.workers() + " requests are being computed and "
                      + options.limits().maxQueued()
                      + " are waiting (--max-queued); retry later"),
          false);
    }
  }

  private void run(Exchange exchange, String path, CompletionsEndpoint.Job job, ClientProbe probe) {
    try {
      Object answer = job.run(() -> {
        if (work.abandoning()) {
          throw new JobCancelled(false);
        }
        if (probe.clientGone()) {
          throw new JobCancelled(true);
        }
      });
      exchange.respond(200, answer, probe.mustClose(), null);
    } catch (JobCancelled c) {
      stats.cancel();
      if (c.clientGone()) {
        exchange.abort(c);
      } else {
        exchange.error(stopping(), true);
      }
    } catch (ApiException e) {
      exchange.error(e, probe.mustClose());
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      log.println("gvgap serve: 500 POST " + path + ": " + e);
      exchange.error(
          new ApiException(500, "server_error", "the model failed: " + e), probe.mustClose());
    }
  }

  /** Reads and drops the body (bounded), then answers; a body beyond the limit closes the connection. */
  private void drainThen(Exchange exchange, Runnable answer) {
    Request request = exchange.request;
    long limit = options.limits().maxBodyBytes();
    if (request.getLength() > limit) {
      answerAndClose(exchange, answer);
      return;
    }
    BoundedBody.read(
        request, limit, false, options.limits().bodyTimeoutMillis(), new BoundedBody.Outcome() {
          @Override
          public void complete(byte[] body) {
            answer.run();
          }

          @Override
          public void tooLarge(long max) {
            answerAndClose(exchange, answer);
          }

          @Override
          public void failed(Throwable failure) {
            answerAndClose(exchange, answer);
          }
        });
  }

  private static void answerAndClose(Exchange exchange, Runnable answer) {
    exchange.response.getHeaders().put(HttpHeader.CONNECTION, "close");
    answer.run();
  }

  private void bodyFailed(Exchange exchange, Throwable failure) {
    if (failure instanceof Stopping) {
      exchange.error(stopping(), true);
    } else if (failure instanceof TimeoutException) {
      exchange.error(
          new ApiException(
              408,
              "invalid_request_error",
              failure.getMessage() + " (the body must arrive "
                  + "within " + options.limits().bodyTimeoutMillis()
                  + " ms of the headers, with no pause longer than "
                  + options.limits().idleTimeoutMillis() + " ms)"),
          true);
    } else {
      exchange.abort(failure);
    }
  }

  private static ApiException tooLarge(String size, long limit) {
    return new ApiException(
        413,
        "invalid_request_error",
        "the request body is " + size + "; this server accepts at " + "most " + limit
            + " bytes (--max-body-bytes): send fewer or shorter prompts per request");
  }

  private static ApiException stopping() {
    return new ApiException(
        503,
        "server_error",
        "the server is stopping; retry the request on another server or " + "once it is back");
  }

  private Map<String, Object> statsBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requests", stats.requests());
    body.put("completion_requests", stats.completionRequests());
    body.put("errors", stats.errors());
    body.put("cancelled", stats.cancelled());
    body.put("model_calls", stats.modelCalls());
    body.put("queued", work.queued());
    return body;
  }

  private void checkKey(Request request) {
    if (options.apiKey() == null) {
      return;
    }
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null
        || !MessageDigest.isEqual(
            header.getBytes(StandardCharsets.UTF_8),
            ("Bearer " + options.apiKey()).getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(
          401,
          "authentication_error",
          header == null
              ? "no API key: send the header 'Authorization: Bearer <key>'"
              : "the API key sent is not the one this server accepts");
    }
  }

  private void finished() {
    synchronized (idle) {
      inFlight--;
      idle.notifyAll();
    }
  }

  /** Waits until no request is in flight; false when some still are after {@code millis}. */
  boolean awaitIdle(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (idle) {
      while (inFlight > 0) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        idle.wait(left);
      }
      return true;
    }
  }

  /** Fails the body reads still waiting for bytes: they answer 503. */
  void failPendingBodies() {
    for (Request request : reading) {
      request.fail(new Stopping());
    }
  }
}
