package io.gvgap.filters;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/** {@code threshold}: keeps every sample whose score is at least the global threshold τ; NaN never. */
public final class ThresholdFilter implements FilterProvider<ThresholdFilter.Options> {

  /**
   * Options of {@code threshold}.
   *
   * @param tau the global threshold
   */
  public record Options(
      @Option(description = "keep samples scoring at least tau, in [0, 1]", defaultValue = "0.5")
      double tau) {
    /** Validates the range. */
    public Options {
      if (!(tau >= 0 && tau <= 1)) {
        throw new IllegalArgumentException("threshold option tau must be in [0, 1], was " + tau);
      }
    }
  }

  @Override
  public String name() {
    return "threshold";
  }

  @Override
  public String description() {
    return "keep samples whose score is at least tau";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    double tau = options.tau();
    return (scores, context) -> weights(scores, tau);
  }

  /** The threshold weights (0 or 1) of one example's scores; a pure function. */
  public static double[] weights(double[] scores, double tau) {
    return ScoreRanks.keepAtLeast(scores, tau);
  }
}
