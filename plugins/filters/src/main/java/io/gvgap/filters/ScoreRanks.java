package io.gvgap.filters;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Rank arithmetic shared by the rejection-sampling filters; NaN scores never count and are never kept. */
final class ScoreRanks {

  private ScoreRanks() {}

  /** How many scores are not NaN. */
  static int scoredCount(double[] scores) {
    int count = 0;
    for (double score : scores) {
      if (!Double.isNaN(score)) {
        count++;
      }
    }
    return count;
  }

  /** Weight 1 for every score at or above {@code cut}, else 0 (NaN compares false, so it gets 0). */
  static double[] keepAtLeast(double[] scores, double cut) {
    double[] weights = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      weights[i] = scores[i] >= cut ? 1 : 0;
    }
    return weights;
  }

  /**
   * Keeps every scored sample whose score is at least the score at 1-based {@code rank} in the
   * descending order of the scored samples; ties at the cut are all kept. A rank beyond the number
   * of scored samples keeps them all; no scored samples keeps nothing.
   */
  static double[] keepTopRanks(double[] scores, int rank) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1, was " + rank);
    }
    double[] scored =
        Arrays.stream(scores).filter(s -> !Double.isNaN(s)).sorted().toArray();
    if (scored.length == 0) {
      return new double[scores.length];
    }
    // scored is ascending: the rank-th largest sits rank places from the end.
    double cut = scored[scored.length - Math.min(rank, scored.length)];
    return keepAtLeast(scores, cut);
  }

  /**
   * Keeps exactly {@code min(count, scored)} scored samples: every sample scoring above the cut, and
   * among the samples tied at the cut those with the smallest unsigned {@link TieBreak} key under
   * {@code seed} and {@code exampleId}. No scored samples keeps nothing.
   */
  static double[] keepTopCountBreakingTies(
      double[] scores, int count, long seed, String exampleId) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    double[] weights = new double[scores.length];
    Integer[] order = IntStream.range(0, scores.length)
        .filter(i -> !Double.isNaN(scores[i]))
        .boxed()
        .toArray(Integer[]::new);
    long[] keys = new long[scores.length];
    for (int i = 0; i < scores.length; i++) {
      keys[i] = TieBreak.key(seed, exampleId, i);
    }
    Arrays.sort(
        order,
        (a, b) -> scores[a] == scores[b]
            ? Long.compareUnsigned(keys[a], keys[b])
            : (scores[a] > scores[b] ? -1 : 1));
    for (int r = 0; r < Math.min(count, order.length); r++) {
      weights[order[r]] = 1;
    }
    return weights;
  }
}
