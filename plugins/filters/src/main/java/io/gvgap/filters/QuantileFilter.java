package io.gvgap.filters;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/**
 * {@code quantile}: per example, keeps the top α of that example's own scored samples.
 *
 * <p>Precisely: with {@code n} scored (non-NaN) samples sorted by descending score, it keeps exactly
 * {@code ceil(α·n)} of them: the highest scores, and among samples tied at the cut those that win a
 * seeded tie-break ({@link Ties#BREAK}, the default; see {@link Ties} for the key). With
 * {@code ties: keep} every sample scoring at or above the score at rank {@code ceil(α·n)} is kept,
 * so a verifier with few distinct scores (CoT-Score) can keep far more than α. NaN is never counted
 * or kept. A product {@code α·n} within 1e-9 of an integer counts as that integer, so that
 * {@code 0.3·10} keeps 3 and not 4 (floating point gives 3.0000000000000004).
 */
public final class QuantileFilter implements FilterProvider<QuantileFilter.Options> {

  /** Tolerance for {@code α·n} landing a rounding error above an integer. */
  private static final double RANK_TOLERANCE = 1e-9;

  /**
   * Options of {@code quantile}.
   *
   * @param alpha fraction of each example's scored samples to keep
   * @param ties what to do with samples tied at the cut
   */
  public record Options(
      @Option(
          description = "fraction of each example's scored samples to keep, in (0, 1]",
          defaultValue = "0.25")
      double alpha,

      @Option(
          description = "break: keep exactly ceil(alpha*n), seeded tie-break at the cut; "
              + "keep: keep every sample tied at the cut (may keep more than alpha)",
          defaultValue = "break")
      Ties ties) {
    /** Validates the range. */
    public Options {
      ties = ties == null ? Ties.BREAK : ties;
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
    return "keep each example's top alpha of scored samples (exactly ceil(alpha*n); ties: break|keep)";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    double alpha = options.alpha();
    if (options.ties() == Ties.KEEP) {
      return (scores, context) -> weights(scores, alpha);
    }
    return (scores, context) -> weights(scores, alpha, context.seed(), context.exampleId());
  }

  /**
   * The exact quantile weights (0 or 1) of one example's scores, {@code ceil(α·n)} of the {@code n}
   * scored samples, ties at the cut broken by {@link TieBreak#key}; a pure function.
   */
  public static double[] weights(double[] scores, double alpha, long seed, String exampleId) {
    int scored = ScoreRanks.scoredCount(scores);
    if (scored == 0) {
      return new double[scores.length];
    }
    return ScoreRanks.keepTopRanksBreakingTies(scores, cutRank(alpha, scored), seed, exampleId);
  }

  /** The quantile weights (0 or 1) with every tie at the cut kept ({@code ties: keep}); pure. */
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
