package io.gvgap.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The ROC curve of a verifier's scores against correctness: for every threshold t (each distinct
 * score, highest first) the point (false-positive rate, true-positive rate) of "score >= t". Tied
 * scores move together, so the trapezoid area under the curve equals the Mann-Whitney AUROC with
 * ties counted 1/2 ({@link io.gvgap.core.metrics.Auroc}).
 *
 * @param falsePositiveRate FPR of each point, from 0 to 1
 * @param truePositiveRate TPR of each point, from 0 to 1
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate) {

  /**
   * The curve of {@code scores} (finite; leave unscored samples out first) against {@code correct}.
   *
   * @return the curve, or null when there is no correct or no wrong sample (no curve exists)
   */
  public static RocCurve of(double[] scores, boolean[] correct) {
    if (scores.length != correct.length) {
      throw new IllegalArgumentException(
          "ROC: " + scores.length + " scores but " + correct.length + " labels");
    }
    int positives = 0;
    for (boolean c : correct) {
      positives += c ? 1 : 0;
    }
    int negatives = correct.length - positives;
    if (positives == 0 || negatives == 0) {
      return null;
    }
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    List<double[]> points = new ArrayList<>();
    points.add(new double[] {0, 0});
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < order.length; i++) {
      if (correct[order[i]]) {
        tp++;
      } else {
        fp++;
      }
      boolean lastOfTie = i + 1 == order.length || scores[order[i + 1]] != scores[order[i]];
      if (lastOfTie) {
        points.add(new double[] {(double) fp / negatives, (double) tp / positives});
      }
    }
    double[] fpr = new double[points.size()];
    double[] tpr = new double[points.size()];
    for (int i = 0; i < fpr.length; i++) {
      fpr[i] = points.get(i)[0];
      tpr[i] = points.get(i)[1];
    }
    return new RocCurve(fpr, tpr);
  }

  /** The trapezoid area under the curve. */
  public double area() {
    double area = 0;
    for (int i = 1; i < falsePositiveRate.length; i++) {
      area += (falsePositiveRate[i] - falsePositiveRate[i - 1])
          * (truePositiveRate[i] + truePositiveRate[i - 1])
          / 2;
    }
    return area;
  }

  /**
   * At most {@code maxPoints} points of the curve (evenly spaced by index, first and last kept), so
   * that a continuous verifier's thousands of thresholds do not bloat the report.
   */
  public RocCurve thinned(int maxPoints) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException(
          "a thinned ROC curve needs at least 2 points, asked for " + maxPoints);
    }
    int n = falsePositiveRate.length;
    if (n <= maxPoints) {
      return this;
    }
    double[] fpr = new double[maxPoints];
    double[] tpr = new double[maxPoints];
    for (int j = 0; j < maxPoints; j++) {
      int i = (int) Math.round((double) j * (n - 1) / (maxPoints - 1));
      fpr[j] = falsePositiveRate[i];
      tpr[j] = truePositiveRate[i];
    }
    return new RocCurve(fpr, tpr);
  }
}
