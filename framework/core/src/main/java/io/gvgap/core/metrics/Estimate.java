package io.gvgap.core.metrics;

/**
 * A point estimate with a bootstrap percentile confidence interval (prompts resampled with
 * replacement; see {@link MetricsSettings}). Any of the three is NaN in Java ({@code null} in JSON)
 * when undefined, e.g. a relative gap when no prompt has headroom.
 *
 * @param value the estimate on the observed prompts
 * @param lower the lower end of the interval
 * @param upper the upper end of the interval
 */
public record Estimate(
    @NanAsNull double value,
    @NanAsNull double lower,
    @NanAsNull double upper) {

  /** An estimate that is undefined, with no interval. */
  public static Estimate undefined() {
    return new Estimate(Double.NaN, Double.NaN, Double.NaN);
  }

  /** Whether the point estimate is defined. */
  public boolean defined() {
    return !Double.isNaN(value);
  }
}
