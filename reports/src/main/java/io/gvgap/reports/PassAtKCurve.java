package io.gvgap.reports;

import io.gvgap.core.metrics.UnbiasedPassAtK;
import java.util.ArrayList;
import java.util.List;

/**
 * Unbiased pass@k versus k for one group, computed from the samples: for k = 1, 2, 4, ... and the
 * smallest sample count N of the group's prompts, the mean over prompts of
 * {@link UnbiasedPassAtK#probability(int, int, int)}.
 *
 * @param k the k values, increasing
 * @param passAtK pass@k for each k
 */
public record PassAtKCurve(int[] k, double[] passAtK) {

  /**
   * The curve of prompts with {@code sampleCounts[x]} samples of which {@code correctCounts[x]} are
   * correct; null when there is no prompt.
   */
  public static PassAtKCurve of(int[] sampleCounts, int[] correctCounts) {
    if (sampleCounts.length != correctCounts.length) {
      throw new IllegalArgumentException("pass@k curve: " + sampleCounts.length
          + " sample counts but " + correctCounts.length + " correct counts");
    }
    if (sampleCounts.length == 0) {
      return null;
    }
    int smallest = Integer.MAX_VALUE;
    for (int n : sampleCounts) {
      smallest = Math.min(smallest, n);
    }
    List<Integer> ks = ks(smallest);
    int[] k = new int[ks.size()];
    double[] values = new double[ks.size()];
    for (int j = 0; j < k.length; j++) {
      k[j] = ks.get(j);
      double sum = 0;
      for (int x = 0; x < sampleCounts.length; x++) {
        sum += UnbiasedPassAtK.probability(sampleCounts[x], correctCounts[x], k[j]);
      }
      values[j] = sum / sampleCounts.length;
    }
    return new PassAtKCurve(k, values);
  }

  /** 1, 2, 4, ... below {@code n}, then {@code n} itself. */
  static List<Integer> ks(int n) {
    List<Integer> ks = new ArrayList<>();
    for (int k = 1; k < n; k *= 2) {
      ks.add(k);
    }
    if (n >= 1) {
      ks.add(n);
    }
    return ks;
  }
}
