package io.gvgap.testkit;

import io.gvgap.api.NoOptions;
import io.gvgap.api.task.TaskProvider;

/** A correct task passes every check of the kit. */
class SquaresTaskConformanceTest extends TaskConformanceTest {
  @Override
  protected TaskProvider<?> provider() {
    return new SquaresTask();
  }

  @Override
  protected Record options() {
    return new NoOptions();
  }
}
