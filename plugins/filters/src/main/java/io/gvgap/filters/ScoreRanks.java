package io.gvgap.filters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

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
   * Keeps exactly {@code min(rank, scored)} scored samples: the highest scores, and among samples
   * tied at the cut those with the smallest {@link TieBreak#key} for {@code seed} and
   * {@code exampleId}. No scored samples keeps nothing.
   */
  static double[] keepTopRanksBreakingTies(double[] scores, int rank, long seed, String exampleId) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1, was " + rank);
    }
    List<Integer> scored = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isNaN(scores[i])) {
        scored.add(i);
      }
    }
    scored.sort(Comparator.comparingDouble((Integer i) -> -scores[i])
        .thenComparing((Integer i) -> TieBreak.key(seed, exampleId, i), Long::compareUnsigned));
    double[] weights = new double[scores.length];
    for (int r = 0; r < Math.min(rank, scored.size()); r++) {
      weights[scored.get(r)] = 1;
    }
    return weights;
  }
}
