package io.gvgap.server;

/** Thrown between model calls when the work of a request is no longer wanted. */
final class JobCancelled extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean clientGone;

  JobCancelled(boolean clientGone) {
    super(
        clientGone ? "the client closed the connection" : "the server is stopping",
        null,
        false,
        false);
    this.clientGone = clientGone;
  }

  /** True when the client went away; false when the server is stopping. */
  boolean clientGone() {
    return clientGone;
  }
}
