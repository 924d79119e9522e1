package io.gvgap.tasks.gsm8k;

import io.gvgap.api.task.TaskProvider;
import io.gvgap.tasks.common.BenchmarkData;
import io.gvgap.testkit.TaskConformanceTest;

/** The gsm8k task keeps the task contract on the real GSM8K test file. */
class Gsm8kConformanceTest extends TaskConformanceTest {
  @Override
  protected TaskProvider<?> provider() {
    return new Gsm8kProvider();
  }

  @Override
  protected Record options() {
    return new Gsm8kOptions(BenchmarkData.file("gsm8k/test.jsonl"));
  }
}
