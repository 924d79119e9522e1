package io.gvgap.api.filter;

import io.gvgap.api.Stable;

/**
 * Turns one example's verifier scores into weights: the reweighting {@code w(û)} of the study.
 * Rejection sampling gives weights 0 or 1; softmax reweighting gives any non-negative weights.
 */
@Stable
@FunctionalInterface
public interface FilterStrategy {

  /**
   * Weights for one example's samples.
   *
   * @param scores one score per sample, in the order of {@code context.answers()}; NaN means the
   *     verifier gave no score (a parse failure)
   * @param context the example's id, its samples' answers and a seed
   * @return one non-negative weight per score; a NaN score must get weight 0 (the framework
   *     rejects a filter that keeps an unscored sample). All zeros means "keep nothing".
   */
  double[] weights(double[] scores, FilterContext context);

  /**
   * How many of these samples the strategy is asked to keep, when it keeps a count: {@code quantile}
   * ⌈α·n⌉ of the n scored samples, {@code top-k} min(k, n), {@code best-of-n} 1 (0 when nothing is
   * scored). Empty (the default) for a strategy that keeps by score rather than by count
   * ({@code threshold}, {@code softmax}). The framework stores it beside the weights, so reports show
   * the asked kept fraction beside the achieved one.
   *
   * @param scores the example's scores, as given to {@link #weights}
   */
  default java.util.OptionalInt askedCount(double[] scores) {
    return java.util.OptionalInt.empty();
  }
}
