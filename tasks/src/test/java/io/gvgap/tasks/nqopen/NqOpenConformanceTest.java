package io.gvgap.tasks.nqopen;

import io.gvgap.api.task.TaskProvider;
import io.gvgap.tasks.common.BenchmarkData;
import io.gvgap.testkit.TaskConformanceTest;

/** The nq-open task keeps the task contract on the real NQ-open dev file. */
class NqOpenConformanceTest extends TaskConformanceTest {
  @Override
  protected TaskProvider<?> provider() {
    return new NqOpenProvider();
  }

  @Override
  protected Record options() {
    return new NqOpenOptions(BenchmarkData.file("nq-open/dev.jsonl"));
  }
}
