package io.gvgap.core.testplugins.isolated;

import io.gvgap.api.NoOptions;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;
import java.util.Arrays;

/**
 * Test filter named "plugin-filter" that keeps every sample with weight 1. It is never registered on the test
 * classpath: registry tests copy it into a jar built at test time, behind a loader that hides this package.
 */
public final class PluginFilterProvider implements FilterProvider<NoOptions> {

  @Override
  public String name() {
    return "plugin-filter";
  }

  @Override
  public Class<NoOptions> optionsType() {
    return NoOptions.class;
  }

  @Override
  public FilterStrategy create(NoOptions options) {
    return (scores, context) -> {
      double[] weights = new double[scores.length];
      Arrays.fill(weights, 1);
      return weights;
    };
  }
}
