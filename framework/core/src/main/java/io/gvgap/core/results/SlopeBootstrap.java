package io.gvgap.core.results;

import io.gvgap.core.metrics.NanAsNull;

/**
 * A scaling fit's slope on resampled prompts: each draw resamples a task's prompts with replacement
 * once, jointly for every model (the same prompt ids with the same multiplicities), recomputes each
 * fitted model's measure and refits the least-squares line.
 *
 * @param draws the number of resamples
 * @param definedDraws the draws on which every fitted model's measure was defined (the others are left
 *     out of the slope interval)
 * @param slopeLower lower percentile of the refitted slopes
 * @param slopeUpper upper percentile of the refitted slopes
 * @param confidence the interval's level
 * @param increasingShare the share of all draws in which the fitted points are strictly increasing
 *     in FLOPs
 * @param decreasingShare the share of all draws in which they are strictly decreasing
 * @param observedOrder the observed points' order in FLOPs: {@code increasing}, {@code decreasing} or
 *     {@code neither}
 */
public record SlopeBootstrap(
    int draws,
    int definedDraws,
    @NanAsNull double slopeLower,
    @NanAsNull double slopeUpper,
    double confidence,
    @NanAsNull double increasingShare,
    @NanAsNull double decreasingShare,
    String observedOrder) {

  /** How the interval is computed, written beside every fit. */
  public static final String METHOD = "percentile (R-7) of the least-squares slope refitted on"
      + " prompt resamples drawn jointly for all models (the same prompt ids for every model)";
}
