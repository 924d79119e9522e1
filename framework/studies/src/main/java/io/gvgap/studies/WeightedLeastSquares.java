package io.gvgap.studies;

import io.gvgap.core.results.WeightedFit;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Fits a weighted least-squares line through points that each carry their own confidence interval;
 * see {@link WeightedFit} for the formulas.
 */
public final class WeightedLeastSquares {

  private WeightedLeastSquares() {}

  /**
   * The standard error a percentile interval {@code [lower, upper]} of level {@code level} implies
   * under normality: {@code (upper - lower) / (2 z_{(1+level)/2})}; NaN when an end is NaN.
   */
  public static double standardError(double lower, double upper, double level) {
    return (upper - lower) / (2 * z(level));
  }

  /**
   * Fits {@code y = a + b x} with weights {@code 1 / se²}.
   *
   * @param x the abscissas (all defined)
   * @param y the ordinates (all defined)
   * @param se each point's standard error
   * @param confidence the slope interval's level, in (0, 1)
   * @throws IllegalArgumentException when the arrays differ in length or the confidence is out of range
   */
  public static WeightedFit fit(double[] x, double[] y, double[] se, double confidence) {
    return fit(x, y, se, confidence, List.of());
  }

  /**
   * As {@link #fit(double[], double[], double[], double)}, recording the models the caller left out
   * (for a zero-width interval) in the result.
   */
  public static WeightedFit fit(
      double[] x, double[] y, double[] se, double confidence, List<String> leftOut) {
    if (x.length != y.length || x.length != se.length) {
      throw new IllegalArgumentException("weighted least squares needs one y and one se per x, got "
          + x.length + " x, " + y.length + " y and " + se.length + " se");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
    int n = x.length;
    int dof = Math.max(n - 2, 0);
    for (int i = 0; i < n; i++) {
      if (!(se[i] > 0) || Double.isInfinite(se[i])) {
        return undefined(
            n,
            confidence,
            dof,
            leftOut,
            "point " + (i + 1) + " has no usable interval (standard error " + se[i]
                + "): its weight 1/se² is undefined");
      }
    }
    double sw = 0;
    double swx = 0;
    double swy = 0;
    for (int i = 0; i < n; i++) {
      double w = 1 / (se[i] * se[i]);
      sw += w;
      swx += w * x[i];
      swy += w * y[i];
    }
    if (n < 3) {
      // Two points fix the line and leave nothing to check it against (no chi²); and when the
      // others were left out for a zero-width interval, the line through the rest is biased.
      return undefined(
          n,
          confidence,
          dof,
          leftOut,
          "a weighted line needs three points with a" + " usable interval, " + n
              + (leftOut.isEmpty() ? "" : " once " + leftOut + " are left out"));
    }
    double mx = swx / sw;
    double my = swy / sw;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double w = 1 / (se[i] * se[i]);
      sxx += w * (x[i] - mx) * (x[i] - mx);
      sxy += w * (x[i] - mx) * (y[i] - my);
    }
    if (!(sxx > 0)) {
      return undefined(n, confidence, dof, leftOut, "the points share one x");
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double chiSquare = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - intercept - slope * x[i];
      chiSquare += r * r / (se[i] * se[i]);
    }
    double scale = dof > 0 ? Math.max(1, Math.sqrt(chiSquare / dof)) : 1;
    double half = z(confidence) * scale / Math.sqrt(sxx);
    return new WeightedFit(
        n,
        slope,
        intercept,
        slope - half,
        slope + half,
        confidence,
        chiSquare,
        dof,
        scale,
        leftOut,
        "");
  }

  private static WeightedFit undefined(
      int n, double confidence, int dof, List<String> leftOut, String note) {
    return new WeightedFit(
        n,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        confidence,
        Double.NaN,
        dof,
        Double.NaN,
        leftOut,
        note);
  }

  private static double z(double level) {
    return new NormalDistribution().inverseCumulativeProbability((1 + level) / 2);
  }
}
