package io.gvgap.core.results;

import io.gvgap.core.metrics.NanAsNull;
import java.util.List;

/**
 * A weighted least-squares line {@code y = intercept + slope * x} with weights {@code w_i = 1 / se_i²},
 * where {@code se_i = (upper_i - lower_i) / (2 z)} is read from each point's own bootstrap interval
 * ({@code z} the standard normal quantile of that interval's level). A point whose interval has zero
 * width (e.g. a relative gap of exactly 1 on every resample) has no finite weight and is left out,
 * named in {@code leftOut}; the fit needs three points after that. {@code chiSquare = Σ w_i r_i²} on {@code points - 2} degrees of freedom
 * says whether the points scatter about the line more than their own intervals allow. The slope's
 * standard error is {@code SE = S / sqrt(Σ w_i (x_i - x̄_w)²)} with the scale factor
 * {@code S = max(1, sqrt(chiSquare / dof))} (1 when dof is 0): the {@code se_i} taken as known, widened
 * when the points scatter more than they allow; interval {@code slope ± z_c SE}. Undefined numbers
 * are NaN in Java, null in JSON.
 *
 * @param points the number of points fitted
 * @param slope the weighted slope
 * @param intercept the weighted intercept
 * @param slopeLower {@code slope - z_c SE}
 * @param slopeUpper {@code slope + z_c SE}
 * @param confidence the interval's level
 * @param chiSquare {@code Σ w_i (y_i - intercept - slope x_i)²}
 * @param degreesOfFreedom {@code points - 2}
 * @param scaleFactor {@code S}, the factor the slope's standard error was widened by
 * @param leftOut the models left out for a zero-width interval
 * @param note why the fit is undefined (e.g. fewer than two points with an interval), or empty
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
    @NanAsNull double scaleFactor,
    List<String> leftOut,
    String note) {

  /** Copies the list; a missing one (an older {@code scaling.json}) is empty. */
  public WeightedFit {
    leftOut = leftOut == null ? List.of() : List.copyOf(leftOut);
  }

  /** How the weighted fit is computed, written beside every fit. */
  public static final String METHOD = "weighted least squares, weights 1/se² with se = interval"
      + " width / (2 z) from each point's own bootstrap interval (zero-width points left out; at least three points); slope ± z·S·SE"
      + " with the se taken as known and S = max(1, sqrt(chi² / df))";
}
