package io.gvgap.tasks.math;

import io.gvgap.api.task.TaskProvider;
import io.gvgap.testkit.TaskConformanceTest;
import java.nio.file.Path;

/** The math task keeps the task contract on a hand-written MATH-format file. */
class MathConformanceTest extends TaskConformanceTest {
  @Override
  protected TaskProvider<?> provider() {
    return new MathProvider();
  }

  @Override
  protected Record options() {
    return new MathOptions(Path.of("src/test/resources/math/sample.jsonl"));
  }

  @Override
  protected int sampleSize() {
    return 6; // the sample file has 16 problems, so different seeds can choose different subsets
  }
}
