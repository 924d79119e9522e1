package com.example.reverse;

import io.gvgap.api.task.TaskProvider;
import io.gvgap.testkit.TaskConformanceTest;

/** The gvgap task contract, checked by the conformance kit: extend it and say how to build the task. */
class ReverseWordConformanceTest extends TaskConformanceTest {

  @Override
  protected TaskProvider<?> provider() {
    return new ReverseWordProvider();
  }

  @Override
  protected Record options() {
    return new ReverseWordProvider.Options(5);
  }
}
