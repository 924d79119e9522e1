package io.gvgap.server;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of what a server has answered, served at {@code GET /stats} (a gvgap extension). */
public final class ServerStats {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong completionRequests = new AtomicLong();
  private final AtomicLong injectedFaults = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();

  void request() {
    requests.incrementAndGet();
  }

  void completionRequest() {
    completionRequests.incrementAndGet();
  }

  long injectedFault() {
    return injectedFaults.incrementAndGet();
  }

  void error() {
    errors.incrementAndGet();
  }

  /** Every HTTP request received. */
  public long requests() {
    return requests.get();
  }

  /** Requests to {@code /v1/completions} and {@code /v1/chat/completions}, injected faults included. */
  public long completionRequests() {
    return completionRequests.get();
  }

  /** Completion requests answered 500 on purpose by fault injection. */
  public long injectedFaults() {
    return injectedFaults.get();
  }

  /** Requests answered with an error status other than an injected fault. */
  public long errors() {
    return errors.get();
  }
}
