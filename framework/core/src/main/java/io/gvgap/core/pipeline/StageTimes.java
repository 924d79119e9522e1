package io.gvgap.core.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Wall time spent in each stage of one run attempt ({@code generation}, {@code verify LABEL} per
 * verifier, {@code filtering}, {@code observers} such as the sample index, {@code metrics}), in the
 * order the stages first ran. Not thread-safe: the pipeline runs its stages one after another.
 */
public final class StageTimes {
  private final Map<String, Long> nanos = new LinkedHashMap<>();

  /** Adds {@code elapsedNanos} to {@code stage}. */
  public void add(String stage, long elapsedNanos) {
    if (elapsedNanos < 0) {
      throw new IllegalArgumentException("stage '" + stage + "': negative time " + elapsedNanos);
    }
    nanos.merge(stage, elapsedNanos, Long::sum);
  }

  /** Seconds per stage, in first-run order. */
  public Map<String, Double> seconds() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    nanos.forEach((stage, n) -> seconds.put(stage, n / 1e9));
    return seconds;
  }

  /** Seconds of all stages together. */
  public double totalSeconds() {
    return nanos.values().stream().mapToLong(Long::longValue).sum() / 1e9;
  }

  /**
   * One line, e.g. {@code generation 12.3 s (61 %), verify logprob 0.4 s (2 %), metrics 0.2 s (1 %)};
   * shares are of the stages' total, {@code "no stage ran"} when nothing was timed.
   */
  public String describe() {
    double total = totalSeconds();
    if (nanos.isEmpty()) {
      return "no stage ran";
    }
    StringJoiner line = new StringJoiner(", ");
    seconds()
        .forEach((stage, s) -> line.add(String.format(
            Locale.ROOT, "%s %.1f s (%.0f %%)", stage, s, total > 0 ? 100 * s / total : 0.0)));
    return line.toString();
  }
}
