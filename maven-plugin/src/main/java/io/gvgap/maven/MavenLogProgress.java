package io.gvgap.maven;

import io.gvgap.core.progress.Progress;
import io.gvgap.core.progress.ProgressTask;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.maven.plugin.logging.Log;

/**
 * Pipeline progress as Maven log lines: one when a unit of work starts, one at each tenth of it
 * (or, for work of unknown size, at most every {@code interval}), and one when it ends. A build log
 * is read later, so it gets a few lines with counts and rates rather than a redrawn bar.
 */
final class MavenLogProgress implements Progress {

  /** How many progress lines a unit of known size logs between its start and end lines. */
  static final int STEPS = 10;

  private final Log log;
  private final LongSupplier nanoClock;
  private final long intervalNanos;

  /**
   * @param log the mojo's log
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime})
   * @param intervalNanos least time between two lines about work of unknown size
   */
  MavenLogProgress(Log log, LongSupplier nanoClock, long intervalNanos) {
    this.log = log;
    this.nanoClock = nanoClock;
    this.intervalNanos = intervalNanos;
  }

  /** Progress on {@code log} with the system clock and a line at most every 30 seconds for work of unknown size. */
  static MavenLogProgress of(Log log) {
    return new MavenLogProgress(log, System::nanoTime, 30_000_000_000L);
  }

  @Override
  public ProgressTask start(String label, long total, String unit) {
    long startedAt = nanoClock.getAsLong();
    log.info("gvgap: " + label + ": started" + (total >= 0 ? " (" + total + " " + unit + ")" : ""));
    return new ProgressTask() {
      private long done;
      private int stepsLogged;
      private long lastLogAt = startedAt;
      private boolean closed;

      @Override
      public synchronized void step(long amount) {
        done += amount;
        long now = nanoClock.getAsLong();
        if (total > 0) {
          // the highest tenth reached; logs once per tenth even when one step crosses several
          int reached = (int) Math.min(STEPS, done * STEPS / total);
          if (reached > stepsLogged && done < total) {
            stepsLogged = reached;
            lastLogAt = now;
            log.info("gvgap: " + label + ": " + done + "/" + total + " " + unit + " ("
                + (100 * done / total) + "%, " + rate(done, now - startedAt, unit) + ")");
          }
        } else if (now - lastLogAt >= intervalNanos) {
          lastLogAt = now;
          log.info("gvgap: " + label + ": " + done + " " + unit + " ("
              + rate(done, now - startedAt, unit) + ")");
        }
      }

      @Override
      public synchronized void close() {
        if (closed) {
          return;
        }
        closed = true;
        long elapsed = nanoClock.getAsLong() - startedAt;
        log.info("gvgap: " + label + ": done, " + done + " " + unit + " in " + seconds(elapsed));
      }
    };
  }

  private static String rate(long done, long elapsedNanos, String unit) {
    if (elapsedNanos <= 0) {
      return "rate n/a";
    }
    return String.format(Locale.ROOT, "%.1f %s/s", done * 1e9 / elapsedNanos, unit);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
  }
}
