package io.gvgap.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The completion requests being computed ({@code workers} at once) and those waiting, in arrival
 * order, up to {@code maxQueued}. Jetty's own threads only read bodies and write answers, so a
 * long model call or a slow client never holds them.
 */
final class WorkQueue {
  private final ThreadPoolExecutor pool;
  private volatile boolean stopping;
  private volatile boolean abandoning;

  WorkQueue(int workers, int maxQueued) {
    BlockingQueue<Runnable> queue =
        maxQueued == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(maxQueued, true);
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(
        workers,
        workers,
        0,
        TimeUnit.MILLISECONDS,
        queue,
        r -> {
          Thread t = new Thread(r, "gvgap-serve-worker-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** Queues a job; false when the queue is full or the server is stopping. */
  boolean submit(Runnable job) {
    if (stopping) {
      return false;
    }
    try {
      pool.execute(job);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Requests waiting for a worker. */
  int queued() {
    return pool.getQueue().size();
  }

  /** True once the server has begun to stop: new jobs are refused. */
  boolean stopping() {
    return stopping;
  }

  /** True once the stop timeout has passed: jobs stop at their next model call. */
  boolean abandoning() {
    return abandoning;
  }

  void stopAccepting() {
    stopping = true;
  }

  void abandon() {
    abandoning = true;
  }

  /** Stops the workers; true when none was still running after {@code millis}. */
  boolean shutdown(long millis) throws InterruptedException {
    pool.shutdown();
    if (pool.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
      return true;
    }
    pool.shutdownNow();
    return pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
  }
}
