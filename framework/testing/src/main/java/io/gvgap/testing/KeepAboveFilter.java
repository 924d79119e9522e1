package io.gvgap.testing;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;

/** Test-scope filter: weight 1 for scores at or above tau. */
public final class KeepAboveFilter implements FilterProvider<KeepAboveFilter.Options> {

  /** Options of the filter. */
  public record Options(
      @Option(description = "keep scores >= tau", defaultValue = "0.5")
      double tau) {}

  @Override
  public String name() {
    return "keep-above";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public FilterStrategy create(Options options) {
    return (scores, context) -> {
      double[] w = new double[scores.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = scores[i] >= options.tau() ? 1 : 0;
      }
      return w;
    };
  }
}
