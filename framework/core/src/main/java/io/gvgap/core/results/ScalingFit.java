package io.gvgap.core.results;

import java.util.List;

/**
 * One measure of one strategy across the family, with its lines in log10 FLOPs.
 *
 * @param task the task label
 * @param verifier the verifier label
 * @param filter the filter label
 * @param measure {@code relative-gap-pooled}, {@code relative-gap-per-prompt},
 *     {@code gap-share-of-oracle} or {@code gap}
 * @param points one per model, in spec order (undefined values are null)
 * @param excluded the models whose point is undefined, each with why; left out of every line
 * @param fit the ordinary least-squares line through the defined points, with its t-interval
 * @param bootstrap the slope refitted on joint prompt resamples, and how often the points keep
 *     their order
 * @param weighted the weighted least-squares line, each point weighted by its own interval
 * @param seedSpread the points' spread over training seeds (models with equal FLOPs) and the fit
 *     through one mean per size; null in a {@code scaling.json} written before it existed
 */
public record ScalingFit(
    String task,
    String verifier,
    String filter,
    String measure,
    List<ScalingPoint> points,
    List<ScalingExclusion> excluded,
    LineFit fit,
    SlopeBootstrap bootstrap,
    WeightedFit weighted,
    SeedSpread seedSpread) {

  /** Copies the lists; a missing list (a {@code scaling.json} written before it existed) is empty. */
  public ScalingFit {
    points = points == null ? List.of() : List.copyOf(points);
    excluded = excluded == null ? List.of() : List.copyOf(excluded);
  }
}
