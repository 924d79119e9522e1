package io.gvgap.tasks.arithmetic;

import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskProvider;

/** Provides the {@code arithmetic} task: generated problems with column-by-column solutions. */
public final class ArithmeticProvider implements TaskProvider<ArithmeticOptions> {

  @Override
  public String name() {
    return "arithmetic";
  }

  @Override
  public String description() {
    return "generated arithmetic problems (digits, operations, terms) with step-by-step column solutions";
  }

  @Override
  public Class<ArithmeticOptions> optionsType() {
    return ArithmeticOptions.class;
  }

  @Override
  public Task create(ArithmeticOptions options) {
    return new ArithmeticTask(options);
  }
}
