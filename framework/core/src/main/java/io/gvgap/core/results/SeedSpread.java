package io.gvgap.core.results;

import io.gvgap.core.metrics.NanAsNull;
import java.util.List;

/**
 * How much a scaling fit's points move with the training seed, and the fit that counts each size
 * once. Models with equal pre-training FLOPs form a {@link SeedGroup}; the pooled seed standard
 * deviation is {@code sqrt(Σ_g Σ_i (y_gi − ȳ_g)² / Σ_g (n_g − 1))} over the groups' defined values;
 * {@code meansFit} is the least-squares line through one point per size (the group mean), whose
 * t-interval does not treat two seeds of one size as two sizes; {@code changeOverSpan} is the ordinary
 * fit's slope times the decades the sizes span, to be read against the seed spread.
 *
 * @param groups one per distinct FLOPs value, smallest first (sizes with one model included)
 * @param pooledSd the pooled seed standard deviation (null when no size has two defined values)
 * @param degreesOfFreedom {@code Σ_g (n_g − 1)} over the groups' defined values
 * @param meansFit the least-squares line through the group means
 * @param changeOverSpan the ordinary fit's slope × (largest − smallest log10 FLOPs of the defined points)
 * @param note a sentence for readers: how many sizes have several seeds, and what that means here
 */
public record SeedSpread(
    List<SeedGroup> groups,
    @NanAsNull double pooledSd,
    int degreesOfFreedom,
    LineFit meansFit,
    @NanAsNull double changeOverSpan,
    String note) {

  /** Copies the list. */
  public SeedSpread {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
