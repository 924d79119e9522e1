package io.gvgap.filters;

import io.gvgap.api.NoOptions;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.testkit.FilterConformanceTest;
import org.junit.jupiter.api.Nested;

/** Every built-in filter passes gvgap's filter conformance kit, registration included. */
class BuiltInFiltersConformanceTest {

  @Nested
  class Quantile extends FilterConformanceTest {
    @Override
    protected FilterProvider<?> provider() {
      return new QuantileFilter();
    }

    @Override
    protected Record options() {
      return new QuantileFilter.Options(0.25, Ties.BREAK);
    }
  }

  @Nested
  class Threshold extends FilterConformanceTest {
    @Override
    protected FilterProvider<?> provider() {
      return new ThresholdFilter();
    }

    @Override
    protected Record options() {
      return new ThresholdFilter.Options(0.5);
    }
  }

  @Nested
  class BestOfN extends FilterConformanceTest {
    @Override
    protected FilterProvider<?> provider() {
      return new BestOfNFilter();
    }

    @Override
    protected Record options() {
      return new NoOptions();
    }
  }

  @Nested
  class TopK extends FilterConformanceTest {
    @Override
    protected FilterProvider<?> provider() {
      return new TopKFilter();
    }

    @Override
    protected Record options() {
      return new TopKFilter.Options(3, Ties.BREAK);
    }
  }

  @Nested
  class Softmax extends FilterConformanceTest {
    @Override
    protected FilterProvider<?> provider() {
      return new SoftmaxFilter();
    }

    @Override
    protected Record options() {
      return new SoftmaxFilter.Options(0.1);
    }
  }

  @Nested
  class Majority extends FilterConformanceTest {
    @Override
    protected FilterProvider<?> provider() {
      return new MajorityFilter();
    }

    @Override
    protected Record options() {
      return new NoOptions();
    }

    /** Majority keeps the samples with the most common answer, whatever their scores. */
    @Override
    protected boolean weightsFollowScores() {
      return false;
    }
  }
}
