package io.gvgap.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without holding a thread while bytes are missing (Jetty calls back when
 * more arrive), up to a size and a deadline. Bodies that are only drained (a request refused before
 * its body is used) are counted and dropped, never kept, so an unauthenticated client cannot make
 * the server hold its bytes; draining keeps the connection usable for the client's next request.
 */
final class BoundedBody implements Runnable {

  /** What became of the body; exactly one method is called, once. */
  interface Outcome {
    /** The whole body (empty when drained). */
    void complete(byte[] body);

    /** The body grew beyond the limit: answer 413 and close the connection. */
    void tooLarge(long limit);

    /** The body did not arrive in time, the connection failed or the server is stopping. */
    void failed(Throwable failure);
  }

  private final Request request;
  private final long limit;
  private final ByteArrayOutputStream kept;
  private final Outcome outcome;
  private final Scheduler.Task deadline;
  private long received;
  private boolean done;

  private BoundedBody(
      Request request, long limit, boolean keep, long timeoutMillis, Outcome outcome) {
    this.request = request;
    this.limit = limit;
    this.kept = keep ? new ByteArrayOutputStream() : null;
    this.outcome = outcome;
    this.deadline = request
        .getComponents()
        .getScheduler()
        .schedule(
            () -> request.fail(new TimeoutException(
                "the request body did not arrive within " + timeoutMillis + " ms")),
            timeoutMillis,
            TimeUnit.MILLISECONDS);
  }

  /** Reads (keep) or drains (not keep) the body, then calls the outcome from some thread. */
  static void read(Request request, long limit, boolean keep, long timeoutMillis, Outcome outcome) {
    new BoundedBody(request, limit, keep, timeoutMillis, outcome).run();
  }

  @Override
  public void run() {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        finish();
        outcome.failed(chunk.getFailure());
        return;
      }
      ByteBuffer bytes = chunk.getByteBuffer();
      received += bytes.remaining();
      if (received > limit) {
        chunk.release();
        finish();
        outcome.tooLarge(limit);
        return;
      }
      if (kept != null && bytes.hasRemaining()) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        kept.write(copy, 0, copy.length);
      }
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        finish();
        outcome.complete(kept == null ? new byte[0] : kept.toByteArray());
        return;
      }
    }
  }

  private void finish() {
    if (done) {
      throw new IllegalStateException("body outcome reported twice");
    }
    done = true;
    deadline.cancel();
  }
}
