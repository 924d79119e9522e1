package io.gvgap.filters;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/**
 * {@code softmax}: reweights each example's samples by {@code exp(score / β)}.
 *
 * <p>The weights are normalised to sum to the number of scored samples, so that equal scores give
 * every scored sample weight 1 (the unfiltered distribution) and a weighted mean over them is an
 * ordinary weighted average. NaN scores get weight 0 and do not count. The maximum score is
 * subtracted before exponentiating, so a small β cannot overflow.
 */
public final class SoftmaxFilter implements FilterProvider<SoftmaxFilter.Options> {

  /**
   * Options of {@code softmax}.
   *
   * @param beta the temperature: small β approaches best-of-n, large β approaches keeping all
   */
  public record Options(
      @Option(
          description = "temperature beta > 0 of the weights exp(score / beta)",
          defaultValue = "0.1")
      double beta) {
    /** Validates the range. */
    public Options {
      if (!(beta > 0) || Double.isInfinite(beta)) {
        throw new IllegalArgumentException(
            "softmax option beta must be a finite number > 0, was " + beta);
      }
    }
  }

  @Override
  public String name() {
    return "softmax";
  }

  @Override
  public String description() {
    return "weights proportional to exp(score / beta), summing to the number of scored samples";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    double beta = options.beta();
    return (scores, context) -> weights(scores, beta);
  }

  /** The softmax weights of one example's scores; a pure function. */
  public static double[] weights(double[] scores, double beta) {
    double[] weights = new double[scores.length];
    double max = Double.NEGATIVE_INFINITY;
    int scored = 0;
    for (double score : scores) {
      if (!Double.isNaN(score)) {
        max = Math.max(max, score);
        scored++;
      }
    }
    if (scored == 0) {
      return weights;
    }
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isNaN(scores[i])) {
        weights[i] = Math.exp((scores[i] - max) / beta);
        sum += weights[i];
      }
    }
    // sum >= 1: the maximum's own term is exp(0).
    double scale = scored / sum;
    for (int i = 0; i < weights.length; i++) {
      weights[i] *= scale;
    }
    return weights;
  }
}
