package io.gvgap.tasks.sudoku4;

import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskProvider;

/** Provides the {@code sudoku4} task: 4×4 Sudoku puzzles with unique solutions. */
public final class Sudoku4Provider implements TaskProvider<Sudoku4Options> {

  @Override
  public String name() {
    return "sudoku4";
  }

  @Override
  public String description() {
    return "4x4 Sudoku puzzles with unique solutions; utility by a rule checker of the filled grid";
  }

  @Override
  public Class<Sudoku4Options> optionsType() {
    return Sudoku4Options.class;
  }

  @Override
  public Task create(Sudoku4Options options) {
    return new Sudoku4Task(options);
  }
}
