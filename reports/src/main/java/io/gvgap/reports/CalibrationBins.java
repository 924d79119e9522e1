package io.gvgap.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * A reliability (calibration) diagram of a verifier: scores grouped into equal-width bins over
 * [0, 1]; for each non-empty bin the mean score and the fraction of its samples that are correct. A
 * calibrated verifier's points lie on the diagonal.
 */
public final class CalibrationBins {

  /**
   * One bin.
   *
   * @param lower the bin's lower edge (included)
   * @param upper the bin's upper edge (excluded, except 1 for the last bin)
   * @param count samples in the bin
   * @param meanScore mean score of those samples
   * @param fractionCorrect fraction of those samples that are correct
   */
  public record Bin(
      double lower, double upper, int count, double meanScore, double fractionCorrect) {}

  private CalibrationBins() {}

  /**
   * The non-empty bins of {@code scores} (finite; scores outside [0, 1] fall into the first or last
   * bin) against {@code correct}, with {@code binCount} equal-width bins.
   */
  public static List<Bin> of(double[] scores, boolean[] correct, int binCount) {
    if (scores.length != correct.length) {
      throw new IllegalArgumentException(
          "calibration: " + scores.length + " scores but " + correct.length + " labels");
    }
    if (binCount < 1) {
      throw new IllegalArgumentException("calibration needs at least 1 bin, asked for " + binCount);
    }
    int[] counts = new int[binCount];
    double[] scoreSums = new double[binCount];
    int[] correctCounts = new int[binCount];
    for (int i = 0; i < scores.length; i++) {
      int bin = (int) Math.floor(scores[i] * binCount);
      bin = Math.max(0, Math.min(binCount - 1, bin));
      counts[bin]++;
      scoreSums[bin] += scores[i];
      correctCounts[bin] += correct[i] ? 1 : 0;
    }
    List<Bin> bins = new ArrayList<>();
    for (int b = 0; b < binCount; b++) {
      if (counts[b] > 0) {
        bins.add(new Bin(
            (double) b / binCount,
            (double) (b + 1) / binCount,
            counts[b],
            scoreSums[b] / counts[b],
            (double) correctCounts[b] / counts[b]));
      }
    }
    return bins;
  }
}
