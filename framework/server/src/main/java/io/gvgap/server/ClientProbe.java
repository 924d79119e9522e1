package io.gvgap.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Tells whether the client of a request whose body has been read is still connected. HTTP/1.1
 * gives no signal while the server computes, and Jetty does not read a connection while its
 * request is being handled, so the probe reads at most one byte itself, without blocking: end of
 * stream means the client has closed. A byte that arrives (a client pipelining its next request)
 * cannot be put back, so the response then closes the connection and the client resends that
 * request, as HTTP/1.1 lets it. A client that half-closes its side after sending the body and still
 * waits for the answer (no common HTTP client does) looks gone and has its work cancelled.
 */
final class ClientProbe {
  private final Request request;
  private volatile boolean consumedInput;

  ClientProbe(Request request) {
    this.request = request;
  }

  /** True when the client has closed its side (or the connection failed). Call only before responding. */
  synchronized boolean clientGone() {
    EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
    if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
      return true;
    }
    try {
      ByteBuffer one = BufferUtil.allocate(1);
      int read = endPoint.fill(one);
      if (read > 0) {
        consumedInput = true;
      }
      return read < 0;
    } catch (IOException e) {
      return true;
    }
  }

  /** True when a probe consumed a byte of the client's next request: the response must close the connection. */
  boolean mustClose() {
    return consumedInput;
  }
}
