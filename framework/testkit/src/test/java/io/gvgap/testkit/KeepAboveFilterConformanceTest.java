package io.gvgap.testkit;

import io.gvgap.api.filter.FilterProvider;
import io.gvgap.testing.KeepAboveFilter;

/** gvgap-testing's threshold filter keeps the filter contract. */
class KeepAboveFilterConformanceTest extends FilterConformanceTest {
  @Override
  protected FilterProvider<?> provider() {
    return new KeepAboveFilter();
  }

  @Override
  protected Record options() {
    return new KeepAboveFilter.Options(0.5);
  }
}
