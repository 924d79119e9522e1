package io.gvgap.tasks.arithmetic;

import io.gvgap.api.task.TaskProvider;
import io.gvgap.testkit.TaskConformanceTest;

/** The arithmetic task keeps the task contract, with every operation enabled. */
class ArithmeticConformanceTest extends TaskConformanceTest {
  @Override
  protected TaskProvider<?> provider() {
    return new ArithmeticProvider();
  }

  @Override
  protected Record options() {
    return new ArithmeticOptions(3, "+-*", 3, 500, 2);
  }
}
