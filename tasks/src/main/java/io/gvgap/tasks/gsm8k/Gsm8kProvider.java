package io.gvgap.tasks.gsm8k;

import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskProvider;

/** Provides the {@code gsm8k} task: grade-school math word problems with numeric answers. */
public final class Gsm8kProvider implements TaskProvider<Gsm8kOptions> {

  @Override
  public String name() {
    return "gsm8k";
  }

  @Override
  public String description() {
    return "GSM8K grade-school math word problems; utility is numeric equality of the final answer";
  }

  @Override
  public Class<Gsm8kOptions> optionsType() {
    return Gsm8kOptions.class;
  }

  @Override
  public Task create(Gsm8kOptions options) {
    return new Gsm8kTask(options);
  }
}
