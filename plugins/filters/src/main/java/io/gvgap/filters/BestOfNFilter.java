package io.gvgap.filters;

import io.gvgap.api.NoOptions;
import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/**
 * {@code best-of-n}: keeps exactly one sample per example, the one with the top score.
 *
 * <p>Ties at the top are broken deterministically by the context's seed and example id (a hashed
 * key per sample index; the smallest wins), so a run is reproducible yet no sample position is
 * favoured. No scored sample keeps nothing.
 */
public final class BestOfNFilter implements FilterProvider<NoOptions> {

  @Override
  public String name() {
    return "best-of-n";
  }

  @Override
  public String description() {
    return "keep exactly one sample per example, the top-scored (ties broken by seed)";
  }

  @Override
  public Class<NoOptions> optionsType() {
    return NoOptions.class;
  }

  @Override
  public FilterStrategy create(NoOptions options) {
    return new CountingStrategy(
        BestOfNFilter::weights, scores -> Math.min(1, ScoreRanks.scoredCount(scores)));
  }

  /** The best-of-n weights: a single 1 at the winner, or all 0 when nothing is scored. */
  public static double[] weights(double[] scores, FilterContext context) {
    double[] weights = new double[scores.length];
    double best = Double.NEGATIVE_INFINITY;
    int winner = -1;
    long winnerKey = 0;
    for (int i = 0; i < scores.length; i++) {
      double score = scores[i];
      if (Double.isNaN(score)) {
        continue;
      }
      long key = TieBreak.key(context.seed(), context.exampleId(), i);
      if (winner < 0
          || score > best
          || (score == best && Long.compareUnsigned(key, winnerKey) < 0)) {
        best = score;
        winner = i;
        winnerKey = key;
      }
    }
    if (winner >= 0) {
      weights[winner] = 1;
    }
    return weights;
  }
}
