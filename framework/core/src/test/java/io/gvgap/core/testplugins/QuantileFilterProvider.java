package io.gvgap.core.testplugins;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;
import java.util.Arrays;

/** Test filter "quantile": keeps the top alpha of a prompt's scores (at least minKept), ties kept. */
public final class QuantileFilterProvider
    implements FilterProvider<QuantileFilterProvider.Options> {

  /** The kept fraction and the least number kept. */
  public record Options(
      @Option(description = "fraction of the samples to keep", defaultValue = "0.25")
      double alpha,

      @Option(description = "keep at least this many", defaultValue = "1")
      int minKept) {
    /** Rejects fractions outside (0, 1] and negative minimums. */
    public Options {
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
      }
      if (minKept < 0) {
        throw new IllegalArgumentException("minKept must be >= 0, was " + minKept);
      }
    }
  }

  @Override
  public String name() {
    return "quantile";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    return (scores, context) -> {
      double[] sorted = scores.clone();
      Arrays.sort(sorted);
      int keep = Math.max(options.minKept(), (int) Math.ceil(options.alpha() * scores.length));
      double cut = sorted[Math.max(0, scores.length - Math.min(keep, scores.length))];
      double[] weights = new double[scores.length];
      for (int i = 0; i < scores.length; i++) {
        weights[i] = scores[i] >= cut ? 1 : 0;
      }
      return weights;
    };
  }
}
