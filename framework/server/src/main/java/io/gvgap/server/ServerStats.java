package io.gvgap.server;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what a server has answered, served at {@code GET /stats} (a gvgap extension). */
public final class ServerStats {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong completionRequests = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private final AtomicLong modelCalls = new AtomicLong();

  void request() {
    requests.incrementAndGet();
  }

  void completionRequest() {
    completionRequests.incrementAndGet();
  }

  void error() {
    errors.incrementAndGet();
  }

  void cancel() {
    cancelled.incrementAndGet();
  }

  void modelCall() {
    modelCalls.incrementAndGet();
  }

  /** Every HTTP request received. */
  public long requests() {
    return requests.get();
  }

  /** Authorised requests to {@code /v1/completions} and {@code /v1/chat/completions}. */
  public long completionRequests() {
    return completionRequests.get();
  }

  /** Requests answered with an error status (4xx, 5xx). */
  public long errors() {
    return errors.get();
  }

  /** Requests whose work was stopped because their client had gone (or the server was stopping). */
  public long cancelled() {
    return cancelled.get();
  }

  /** Calls made to the model (generation and scoring); a large request is split into several. */
  public long modelCalls() {
    return modelCalls.get();
  }
}
