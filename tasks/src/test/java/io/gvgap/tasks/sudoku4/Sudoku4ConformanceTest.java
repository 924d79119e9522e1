package io.gvgap.tasks.sudoku4;

import io.gvgap.api.task.TaskProvider;
import io.gvgap.testkit.TaskConformanceTest;

/** The sudoku4 task keeps the task contract. */
class Sudoku4ConformanceTest extends TaskConformanceTest {
  @Override
  protected TaskProvider<?> provider() {
    return new Sudoku4Provider();
  }

  @Override
  protected Record options() {
    return new Sudoku4Options();
  }
}
