package io.gvgap.tasks.math;

import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskProvider;

/** Provides the {@code math} task: competition mathematics with boxed LaTeX answers. */
public final class MathProvider implements TaskProvider<MathOptions> {

  @Override
  public String name() {
    return "math";
  }

  @Override
  public String description() {
    return "MATH-style problems with answers in \\boxed{...}; utility is equivalence after LaTeX normalisation";
  }

  @Override
  public Class<MathOptions> optionsType() {
    return MathOptions.class;
  }

  @Override
  public Task create(MathOptions options) {
    return new MathTask(options);
  }
}
