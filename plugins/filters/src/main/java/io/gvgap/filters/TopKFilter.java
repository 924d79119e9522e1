package io.gvgap.filters;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/**
 * {@code top-k}: keeps the k best-scored samples of each example.
 *
 * <p>Like {@code quantile}, it keeps exactly k by default, breaking ties at the cut with the seeded
 * key of {@link Ties}; with {@code ties: keep} every sample scoring at least the k-th highest score
 * is kept, so more than k can be kept when scores tie. Fewer than k scored samples keeps them all;
 * NaN is never kept.
 */
public final class TopKFilter implements FilterProvider<TopKFilter.Options> {

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
          description = "break: keep exactly k, seeded tie-break at the cut; "
              + "keep: keep every sample tied at the cut (may keep more than k)",
          defaultValue = "break")
      Ties ties) {
    /** Validates the range. */
    public Options {
      ties = ties == null ? Ties.BREAK : ties;
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
    return "keep each example's k best-scored samples (exactly k; ties: break|keep)";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    int k = options.k();
    if (options.ties() == Ties.KEEP) {
      return (scores, context) -> weights(scores, k);
    }
    return (scores, context) -> weights(scores, k, context.seed(), context.exampleId());
  }

  /**
   * The exact top-k weights (0 or 1): {@code min(k, n)} of the {@code n} scored samples, ties at
   * the cut broken by the seeded key of {@link Ties}; a pure function.
   */
  public static double[] weights(double[] scores, int k, long seed, String exampleId) {
    return ScoreRanks.keepTopRanksBreakingTies(scores, k, seed, exampleId);
  }

  /** The top-k weights (0 or 1) with every tie at the cut kept ({@code ties: keep}); pure. */
  public static double[] weights(double[] scores, int k) {
    return ScoreRanks.keepTopRanks(scores, k);
  }
}
