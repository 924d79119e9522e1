package io.gvgap.server;

import java.util.Arrays;

/** Percentiles of measured values by the nearest-rank method (no interpolation). */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The nearest-rank percentile: sort ascending and take the value at rank
   * {@code ceil(p / 100 * N)} (1-based); {@code p = 0} gives the minimum.
   *
   * @param values the measurements, not empty
   * @param p the percentile in [0, 100]
   */
  public static double nearestRank(double[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to take a percentile of");
    }
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100], was " + p);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
