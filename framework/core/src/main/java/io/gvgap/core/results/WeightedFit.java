package io.gvgap.core.results;

import io.gvgap.core.metrics.NanAsNull;

/**
 * A weighted least-squares line {@code y = intercept + slope * x} with weights {@code w_i = 1 / se_i²},
 * where {@code se_i = (upper_i - lower_i) / (2 z)} is read from each point's own bootstrap interval
 * ({@code z} the standard normal quantile of that interval's level). The slope's standard error
 * treats the {@code se_i} as known: {@code SE = 1 / sqrt(Σ w_i (x_i - x̄_w)²)}, interval
 * {@code slope ± z_c SE}. {@code chiSquare = Σ w_i r_i²} on {@code points - 2} degrees of freedom says
 * whether the points scatter about the line more than their own intervals allow (much above the
 * degrees of freedom: the interval is too narrow). Undefined numbers are NaN in Java, null in JSON.
 *
 * @param points the number of points fitted
 * @param slope the weighted slope
 * @param intercept the weighted intercept
 * @param slopeLower {@code slope - z_c SE}
 * @param slopeUpper {@code slope + z_c SE}
 * @param confidence the interval's level
 * @param chiSquare {@code Σ w_i (y_i - intercept - slope x_i)²}
 * @param degreesOfFreedom {@code points - 2}
 * @param note why the fit is undefined (e.g. a point with a zero-width interval), or empty
 */
public record WeightedFit(
    int points,
    @NanAsNull double slope,
    @NanAsNull double intercept,
    @NanAsNull double slopeLower,
    @NanAsNull double slopeUpper,
    double confidence,
    @NanAsNull double chiSquare,
    int degreesOfFreedom,
    String note) {

  /** How the weighted fit is computed, written beside every fit. */
  public static final String METHOD = "weighted least squares, weights 1/se² with se = interval"
      + " width / (2 z) from each point's own bootstrap interval; slope ± z·SE with the se taken as known";
}
