package io.gvgap.filters;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/**
 * {@code quantile}: per example, keeps the top α of that example's own scored samples.
 *
 * <p>Precisely: with {@code n} scored (non-NaN) samples sorted by descending score, the cut is the
 * score at rank {@code ceil(α·n)}; every sample scoring at or above the cut is kept. Ties at the cut
 * are all kept, so a discrete verifier (CoT-Score) can keep more than α. NaN is never kept. A product
 * {@code α·n} within 1e-9 of an integer counts as that integer, so that {@code 0.3·10} keeps 3 and
 * not 4 (floating point gives 3.0000000000000004).
 */
public final class QuantileFilter implements FilterProvider<QuantileFilter.Options> {

  /** Tolerance for {@code α·n} landing a rounding error above an integer. */
  private static final double RANK_TOLERANCE = 1e-9;

  /**
   * Options of {@code quantile}.
   *
   * @param alpha fraction of each example's scored samples to keep
   */
  public record Options(
      @Option(
          description =
              "fraction of each example's scored samples to keep, in (0, 1]; ties at the cut are kept",
          defaultValue = "0.25")
      double alpha) {
    /** Validates the range. */
    public Options {
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("quantile option alpha must be in (0, 1], was " + alpha
            + "; use 1 to keep every scored sample");
      }
    }
  }

  @Override
  public String name() {
    return "quantile";
  }

  @Override
  public String description() {
    return "keep each example's top alpha of scored samples (ties at the cut kept)";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    double alpha = options.alpha();
    return (scores, context) -> weights(scores, alpha);
  }

  /** The quantile weights (0 or 1) of one example's scores; a pure function. */
  public static double[] weights(double[] scores, double alpha) {
    int scored = ScoreRanks.scoredCount(scores);
    if (scored == 0) {
      return new double[scores.length];
    }
    return ScoreRanks.keepTopRanks(scores, cutRank(alpha, scored));
  }

  /** The 1-based rank {@code ceil(α·n)} of the cut, at least 1. */
  static int cutRank(double alpha, int scoredCount) {
    return Math.max(1, (int) Math.ceil(alpha * scoredCount - RANK_TOLERANCE));
  }
}
