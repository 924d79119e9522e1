package io.gvgap.core.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * How the metrics are computed.
 *
 * @param bootstrapDraws how many bootstrap resamples of the prompts give each confidence interval;
 *     at least 1
 * @param confidence the coverage of the percentile interval, in (0, 1), e.g. 0.95
 * @param seed the seed of the bootstrap's random generator; equal seeds give equal intervals
 * @param passAtK the k values for which pass@k is reported; each at least 1 and at most the number
 *     of samples of every prompt
 * @param emptyKept what to do with a prompt whose filter kept nothing
 */
public record MetricsSettings(
    int bootstrapDraws,
    double confidence,
    long seed,
    List<Integer> passAtK,
    EmptyKeptPolicy emptyKept) {

  /** Validates the settings and copies the list. */
  public MetricsSettings {
    if (bootstrapDraws < 1) {
      throw new IllegalArgumentException("metrics setting bootstrapDraws is " + bootstrapDraws
          + "; it must be at least 1 (1000 is usual)");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("metrics setting confidence is " + confidence
          + "; it must lie strictly between 0 and 1 (e.g. 0.95)");
    }
    Objects.requireNonNull(passAtK, "metrics setting passAtK is null; give a list such as [1]");
    Objects.requireNonNull(emptyKept, "metrics setting emptyKept is null; use FALLBACK or EXCLUDE");
    var seen = new HashSet<Integer>();
    for (Integer k : passAtK) {
      if (k == null || k < 1) {
        throw new IllegalArgumentException("metrics setting passAtK contains " + k
            + "; every k must be a whole number of at least 1");
      }
      if (!seen.add(k)) {
        throw new IllegalArgumentException(
            "metrics setting passAtK lists k=" + k + " twice; list each k once");
      }
    }
    passAtK = List.copyOf(passAtK);
  }

  /** The defaults: 1000 draws, 95% confidence, seed 0, pass@1, {@link EmptyKeptPolicy#FALLBACK}. */
  public static MetricsSettings defaults() {
    return new MetricsSettings(1000, 0.95, 0L, List.of(1), EmptyKeptPolicy.FALLBACK);
  }

  /** A copy with another policy for prompts whose filter kept nothing. */
  public MetricsSettings withEmptyKept(EmptyKeptPolicy policy) {
    return new MetricsSettings(bootstrapDraws, confidence, seed, passAtK, policy);
  }

  /** A copy with other pass@k values. */
  public MetricsSettings withPassAtK(List<Integer> ks) {
    return new MetricsSettings(bootstrapDraws, confidence, seed, ks, emptyKept);
  }

  /** A copy with another bootstrap seed. */
  public MetricsSettings withSeed(long newSeed) {
    return new MetricsSettings(bootstrapDraws, confidence, newSeed, passAtK, emptyKept);
  }
}
