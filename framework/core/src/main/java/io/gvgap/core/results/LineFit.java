package io.gvgap.core.results;

import io.gvgap.core.metrics.NanAsNull;

/**
 * An ordinary least-squares line {@code y = intercept + slope * x} with the slope's confidence
 * interval from the regression's t-distribution ({@code slope ± t_{(1+c)/2, n-2} · SE(slope)}).
 * Undefined numbers are NaN in Java and null in JSON: the line needs two points with distinct x,
 * the interval three, and R² a y that varies.
 *
 * @param points the number of (x, y) points fitted
 * @param slope the least-squares slope
 * @param intercept the least-squares intercept
 * @param slopeLower lower end of the slope's t-interval
 * @param slopeUpper upper end of the slope's t-interval
 * @param confidence the interval's confidence level, e.g. 0.95
 * @param rSquared the coefficient of determination {@code 1 - SSE / SST}
 */
public record LineFit(
    int points,
    @NanAsNull double slope,
    @NanAsNull double intercept,
    @NanAsNull double slopeLower,
    @NanAsNull double slopeUpper,
    double confidence,
    @NanAsNull double rSquared) {

  /** How the slope's interval is computed, written beside every fit. */
  public static final String INTERVAL_METHOD =
      "t-interval of the least-squares slope (n - 2 degrees of freedom)";
}
