package io.gvgap.tasks.nqopen;

import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskProvider;

/** Provides the {@code nq-open} task: open-domain questions with short answers. */
public final class NqOpenProvider implements TaskProvider<NqOpenOptions> {

  @Override
  public String name() {
    return "nq-open";
  }

  @Override
  public String description() {
    return "Natural Questions (open-domain); utility is normalised exact match against any answer alias";
  }

  @Override
  public Class<NqOpenOptions> optionsType() {
    return NqOpenOptions.class;
  }

  @Override
  public Task create(NqOpenOptions options) {
    return new NqOpenTask(options);
  }
}
