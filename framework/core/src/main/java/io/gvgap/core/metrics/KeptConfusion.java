package io.gvgap.core.metrics;

/**
 * Counts of "kept" (weight {@code > 0}) against "correct" ({@link Correctness}) over samples, and the
 * precision, recall and F1 derived from them.
 *
 * @param truePositives kept and correct
 * @param falsePositives kept but wrong
 * @param falseNegatives correct but not kept
 * @param trueNegatives wrong and not kept
 */
public record KeptConfusion(
    long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

  /** No samples yet. */
  public static KeptConfusion empty() {
    return new KeptConfusion(0, 0, 0, 0);
  }

  /** Counts one prompt's samples. */
  public static KeptConfusion of(double[] utilities, double[] weights) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long tn = 0;
    for (int i = 0; i < utilities.length; i++) {
      boolean kept = weights[i] > 0;
      boolean correct = Correctness.isCorrect(utilities[i]);
      if (kept && correct) {
        tp++;
      } else if (kept) {
        fp++;
      } else if (correct) {
        fn++;
      } else {
        tn++;
      }
    }
    return new KeptConfusion(tp, fp, fn, tn);
  }

  /** The counts of both, pooled. */
  public KeptConfusion plus(KeptConfusion other) {
    return new KeptConfusion(
        truePositives + other.truePositives,
        falsePositives + other.falsePositives,
        falseNegatives + other.falseNegatives,
        trueNegatives + other.trueNegatives);
  }

  /** All samples counted. */
  public long total() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  /** {@code (TP + FP) / total}: the fraction of samples kept; NaN when there are no samples. */
  public double keptFraction() {
    return ratio(truePositives + falsePositives, total());
  }

  /** {@code TP / (TP + FP)}; NaN when nothing was kept. */
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** {@code TP / (TP + FN)}; NaN when no sample is correct. */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /**
   * {@code 2TP / (2TP + FP + FN)}, the harmonic mean of precision and recall written so that it is 0
   * (not undefined) when one of them is undefined and the other 0; NaN only when nothing was kept and
   * nothing is correct.
   */
  public double f1() {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
