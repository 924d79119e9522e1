package io.gvgap.studies;

import io.gvgap.core.results.LineFit;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** Fits a least-squares line through points (commons-math's {@link SimpleRegression} does the sums). */
public final class LeastSquares {

  private LeastSquares() {}

  /**
   * Fits {@code y = a + b x}; points whose x or y is NaN are left out (an undefined relative gap).
   *
   * @param x the abscissas, e.g. log10 pre-training FLOPs
   * @param y the ordinates, e.g. relative gaps
   * @param confidence the slope interval's confidence level, in (0, 1)
   * @throws IllegalArgumentException when the arrays differ in length or the confidence is out of range
   */
  public static LineFit fit(double[] x, double[] y, double confidence) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "least squares needs one y per x, got " + x.length + " x and " + y.length + " y");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
    SimpleRegression regression = new SimpleRegression(true);
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        regression.addData(x[i], y[i]);
      }
    }
    int n = (int) regression.getN();
    double slope = regression.getSlope();
    double intercept = regression.getIntercept();
    double lower = Double.NaN;
    double upper = Double.NaN;
    if (n >= 3 && !Double.isNaN(slope)) {
      double halfWidth = regression.getSlopeConfidenceInterval(1 - confidence);
      lower = slope - halfWidth;
      upper = slope + halfWidth;
    }
    double rSquared = regression.getTotalSumSquares() > 0 ? regression.getRSquare() : Double.NaN;
    return new LineFit(n, slope, intercept, lower, upper, confidence, rSquared);
  }

  /**
   * The least-squares slope {@code Σ (x - x̄)(y - ȳ) / Σ (x - x̄)²} of defined points, in closed form
   * (what each prompt resample refits); NaN when the x do not vary.
   */
  public static double slope(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= x.length;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    return sxx > 0 ? sxy / sxx : Double.NaN;
  }
}
