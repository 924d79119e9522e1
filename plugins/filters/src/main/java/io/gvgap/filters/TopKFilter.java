package io.gvgap.filters;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/**
 * {@code top-k}: keeps the k best-scored samples of each example.
 *
 * <p>Like {@code quantile}: with {@code ties: break} (the default) exactly {@code min(k, n)} of the
 * {@code n} scored samples are kept, ties at the cut broken by the seeded key of {@link Ties}; with
 * {@code ties: keep} every sample scoring at least the k-th highest score is kept, so more than k
 * can be kept when scores tie. Fewer than k scored samples keeps them all; NaN is never kept.
 */
public final class TopKFilter implements FilterProvider<TopKFilter.Options> {

  private static final String NAME = "top-k";

  /**
   * Options of {@code top-k}.
   *
   * @param k how many samples to keep per example
   * @param ties what to do with samples tied at the cut
   */
  public record Options(
      @Option(description = "keep each example's k best-scored samples, k >= 1", defaultValue = "4")
      int k,

      @Option(
          description = "break: keep exactly k, ties at the cut broken by a seeded, recomputable"
              + " key; keep: keep every tie at the cut (may keep more than k)",
          defaultValue = "break")
      Ties ties) {
    /** Validates the range. */
    public Options {
      if (k < 1) {
        throw new IllegalArgumentException("top-k option k must be at least 1, was " + k);
      }
      if (ties == null) {
        ties = Ties.BREAK;
      }
    }

    /** Options with ties at the cut broken (the default). */
    public Options(int k) {
      this(k, Ties.BREAK);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "keep exactly k of each example's scored samples, the top-scored"
        + " (ties at the cut broken by a seeded key, or all kept with ties: keep)";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    int k = options.k();
    if (options.ties() == Ties.KEEP) {
      return new CountingStrategy(
          (scores, context) -> weights(scores, k),
          scores -> Math.min(k, ScoreRanks.scoredCount(scores)));
    }
    return new CountingStrategy(
        (scores, context) -> weights(scores, k, context.seed(), context.exampleId()),
        scores -> Math.min(k, ScoreRanks.scoredCount(scores)));
  }

  /**
   * The exact top-k weights (0 or 1): {@code min(k, n)} of the {@code n} scored samples get 1, ties
   * at the cut broken by the seeded key; a pure function of the scores, k, seed and example id.
   */
  public static double[] weights(double[] scores, int k, long runSeed, String exampleId) {
    return ScoreRanks.keepTopCountBreakingTies(
        scores, k, TieBreak.filterSeed(runSeed, NAME), exampleId);
  }

  /** The top-k weights (0 or 1) with every tie at the cut kept ({@code ties: keep}). */
  public static double[] weights(double[] scores, int k) {
    return ScoreRanks.keepTopRanks(scores, k);
  }
}
