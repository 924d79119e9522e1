package io.gvgap.filters;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/**
 * {@code quantile}: per example, keeps the top α of that example's own scored samples.
 *
 * <p>Precisely: with {@code n} scored (non-NaN) samples sorted by descending score, the cut is the
 * score at rank {@code ceil(α·n)}. With {@code ties: break} (the default) exactly {@code ceil(α·n)}
 * samples are kept: every sample above the cut, and among the samples tied at the cut those with the
 * smallest seeded tie-break key (see {@link Ties}; recomputable from the run's seed, the example id
 * and the sample index). With {@code ties: keep} every sample scoring at or above the cut is kept,
 * so a discrete verifier (CoT-Score) can keep far more than α. NaN is never kept. A product
 * {@code α·n} within 1e-9 of an integer counts as that integer, so that {@code 0.3·10} keeps 3 and
 * not 4 (floating point gives 3.0000000000000004).
 */
public final class QuantileFilter implements FilterProvider<QuantileFilter.Options> {

  private static final String NAME = "quantile";

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
          description = "break: keep exactly ceil(alpha*n), ties at the cut broken by a seeded,"
              + " recomputable key; keep: keep every tie at the cut (may keep more than alpha)",
          defaultValue = "break")
      Ties ties) {
    /** Validates the range. */
    public Options {
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("quantile option alpha must be in (0, 1], was " + alpha
            + "; use 1 to keep every scored sample");
      }
      if (ties == null) {
        ties = Ties.BREAK;
      }
    }

    /** Options with ties at the cut broken (the default). */
    public Options(double alpha) {
      this(alpha, Ties.BREAK);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "keep exactly ceil(alpha*n) of each example's n scored samples, the top-scored"
        + " (ties at the cut broken by a seeded key, or all kept with ties: keep)";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    double alpha = options.alpha();
    if (options.ties() == Ties.KEEP) {
      return new CountingStrategy(
          (scores, context) -> weights(scores, alpha), scores -> askedCount(scores, alpha));
    }
    return new CountingStrategy(
        (scores, context) -> weights(scores, alpha, context.seed(), context.exampleId()),
        scores -> askedCount(scores, alpha));
  }

  /** ⌈α·n⌉ of the n scored samples (0 when none is scored): what the filter is asked to keep. */
  static int askedCount(double[] scores, double alpha) {
    int scored = ScoreRanks.scoredCount(scores);
    return scored == 0 ? 0 : cutRank(alpha, scored);
  }

  /**
   * The exact quantile weights (0 or 1) with ties at the cut broken: exactly {@code ceil(α·n)} of
   * the {@code n} scored samples get 1; a pure function of the scores, α, the run's seed and the
   * example id.
   */
  public static double[] weights(double[] scores, double alpha, long runSeed, String exampleId) {
    int scored = ScoreRanks.scoredCount(scores);
    if (scored == 0) {
      return new double[scores.length];
    }
    return ScoreRanks.keepTopCountBreakingTies(
        scores, cutRank(alpha, scored), TieBreak.filterSeed(runSeed, NAME), exampleId);
  }

  /** The quantile weights (0 or 1) with every tie at the cut kept ({@code ties: keep}). */
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
