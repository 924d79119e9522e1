package io.gvgap.api.verify;

import io.gvgap.api.Stable;
import java.util.Objects;

/**
 * A verifier's judgement of one sample.
 *
 * @param sampleIndex which sample
 * @param value the proxy utility in [0, 1]; NaN exactly when {@code status} is FAILED
 * @param status whether a verdict was parsed
 * @param rawOutput what the judging model wrote (or a description of what was computed), kept for
 *     reports; never null
 * @param verdict the parsed verdict as text ({@code "7/10"}, {@code "correct"}), or the reason
 *     parsing failed
 */
@Stable
public record Score(
    int sampleIndex, double value, ParseStatus status, String rawOutput, String verdict) {
  /** Validates the fields. */
  public Score {
    Objects.requireNonNull(status, "status");
    rawOutput = rawOutput == null ? "" : rawOutput;
    verdict = verdict == null ? "" : verdict;
    if (status == ParseStatus.OK && !(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], was " + value);
    }
    if (status == ParseStatus.FAILED && !Double.isNaN(value)) {
      throw new IllegalArgumentException("a failed parse has no score (NaN), was " + value);
    }
  }

  /** A parsed score. */
  public static Score of(int sampleIndex, double value, String rawOutput, String verdict) {
    return new Score(sampleIndex, value, ParseStatus.OK, rawOutput, verdict);
  }

  /** A verifier output from which no verdict could be read. */
  public static Score failed(int sampleIndex, String rawOutput, String reason) {
    return new Score(sampleIndex, Double.NaN, ParseStatus.FAILED, rawOutput, reason);
  }

  /** Whether a verdict was parsed. */
  public boolean ok() {
    return status == ParseStatus.OK;
  }
}
