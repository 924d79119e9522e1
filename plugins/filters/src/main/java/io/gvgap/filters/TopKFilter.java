package io.gvgap.filters;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/**
 * {@code top-k}: keeps the k best-scored samples of each example.
 *
 * <p>Like {@code quantile}, ties at the cut are kept: every sample scoring at least the k-th highest
 * score is kept, so more than k can be kept when scores tie. Fewer than k scored samples keeps them
 * all; NaN is never kept.
 */
public final class TopKFilter implements FilterProvider<TopKFilter.Options> {

  /**
   * Options of {@code top-k}.
   *
   * @param k how many samples to keep per example (before ties)
   */
  public record Options(
      @Option(
          description = "keep each example's k best-scored samples (ties at the cut kept), k >= 1",
          defaultValue = "4")
      int k) {
    /** Validates the range. */
    public Options {
      if (k < 1) {
        throw new IllegalArgumentException("top-k option k must be at least 1, was " + k);
      }
    }
  }

  @Override
  public String name() {
    return "top-k";
  }

  @Override
  public String description() {
    return "keep each example's k best-scored samples (ties at the cut kept)";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    int k = options.k();
    return (scores, context) -> weights(scores, k);
  }

  /** The top-k weights (0 or 1) of one example's scores; a pure function. */
  public static double[] weights(double[] scores, int k) {
    return ScoreRanks.keepTopRanks(scores, k);
  }
}
