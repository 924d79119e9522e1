package io.gvgap.core.testplugins;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/** Test filter "threshold": weight 1 when the score is at least tau; tau is validated in [0, 1]. */
public final class ThresholdFilterProvider
    implements FilterProvider<ThresholdFilterProvider.Options> {

  /** The threshold. */
  public record Options(
      @Option(description = "keep scores at or above this", defaultValue = "0.5")
      double tau) {
    /** Rejects thresholds outside [0, 1]. */
    public Options {
      if (!(tau >= 0 && tau <= 1)) {
        throw new IllegalArgumentException("tau must be in [0, 1], was " + tau);
      }
    }
  }

  @Override
  public String name() {
    return "threshold";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    return (scores, context) -> {
      double[] weights = new double[scores.length];
      for (int i = 0; i < scores.length; i++) {
        weights[i] = scores[i] >= options.tau() ? 1 : 0;
      }
      return weights;
    };
  }
}
