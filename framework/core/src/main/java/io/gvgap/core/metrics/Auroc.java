package io.gvgap.core.metrics;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/** Area under the ROC curve of a verifier's scores against correctness. */
public final class Auroc {

  private static final NaturalRanking AVERAGE_RANKS =
      new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

  private Auroc() {}

  /**
   * The Mann-Whitney form of AUROC: the probability that a random correct sample scores higher than
   * a random wrong one, ties counting 1/2, i.e.
   * {@code (#{pos > neg} + ½ #{pos = neg}) / (P·N)} over all (positive, negative) pairs. Computed from
   * average ranks: {@code (R_pos - P(P+1)/2) / (P·N)}.
   *
   * @param scores one finite score per sample (leave out unscored samples first)
   * @param positive per sample: whether it is correct
   * @return the AUROC, or NaN when there is no positive or no negative sample
   */
  public static double of(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(
          "AUROC: " + scores.length + " scores but " + positive.length + " labels");
    }
    long positives = 0;
    for (boolean p : positive) {
      if (p) {
        positives++;
      }
    }
    long negatives = positive.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double[] ranks = AVERAGE_RANKS.rank(scores);
    double positiveRankSum = 0;
    for (int i = 0; i < ranks.length; i++) {
      if (positive[i]) {
        positiveRankSum += ranks[i];
      }
    }
    double u = positiveRankSum - positives * (positives + 1) / 2.0;
    return u / ((double) positives * negatives);
  }
}
