package io.gvgap.cli;

import io.gvgap.core.progress.Progress;
import io.gvgap.core.progress.ProgressTask;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars with rate and ETA on standard error (the progressbar library draws them). */
final class ConsoleProgress implements Progress {

  private final PrintStream out;
  private final boolean enabled;

  ConsoleProgress(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  @Override
  public ProgressTask start(String label, long total, String unit) {
    if (!enabled || total < 0) { // work of unknown size (metrics) is quick: no bar
      return NONE.start(label, total, unit);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(label)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .showSpeed()
        .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .setMaxRenderedLength(120)
        .setConsumer(new ConsoleProgressBarConsumer(out))
        .continuousUpdate()
        .build();
    return new ProgressTask() {
      @Override
      public void step(long amount) {
        bar.stepBy(amount);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }

  /** Formats a duration as {@code 1h02m03s} for summaries. */
  static String format(Duration d) {
    long s = d.getSeconds();
    return s >= 3600
        ? String.format("%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60)
        : s >= 60
            ? String.format("%dm%02ds", s / 60, s % 60)
            : String.format("%.1fs", d.toMillis() / 1000.0);
  }
}
