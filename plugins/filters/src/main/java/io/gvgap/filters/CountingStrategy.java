package io.gvgap.filters;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.filter.FilterStrategy;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/** A filter strategy that keeps a count of samples, and says which count it is asked to keep. */
final class CountingStrategy implements FilterStrategy {
  private final BiFunction<double[], FilterContext, double[]> weights;
  private final ToIntFunction<double[]> asked;

  /**
   * @param weights the strategy's weights
   * @param asked how many of the scores' samples it is asked to keep
   */
  CountingStrategy(
      BiFunction<double[], FilterContext, double[]> weights, ToIntFunction<double[]> asked) {
    this.weights = weights;
    this.asked = asked;
  }

  @Override
  public double[] weights(double[] scores, FilterContext context) {
    return weights.apply(scores, context);
  }

  @Override
  public OptionalInt askedCount(double[] scores) {
    return OptionalInt.of(asked.applyAsInt(scores));
  }
}
