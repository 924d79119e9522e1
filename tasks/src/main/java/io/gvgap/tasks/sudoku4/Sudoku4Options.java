package io.gvgap.tasks.sudoku4;

import io.gvgap.api.Option;

/**
 * Options of the {@code sudoku4} task.
 *
 * @param count how many puzzles the task has for a seed
 * @param extraGivens how many solution cells to add back to each minimal puzzle (easier puzzles)
 * @param shots how many solved puzzles open the generation prompt
 * @param verificationShots how many judged puzzles (each with a right and a wrong grid) open the
 *     verification prompts; 0 keeps them within a small model's context
 */
public record Sudoku4Options(
    @Option(
        description = "number of puzzles per seed (a request takes at most this many)",
        defaultValue = "500")
    int count,

    @Option(
        description =
            "cells of the solution added back to each minimal puzzle, 0 to 12 (more is easier)",
        defaultValue = "0")
    int extraGivens,

    @Option(
        description = "number of solved puzzles in the generation prompt (0 to 8)",
        defaultValue = "2")
    int shots,

    @Option(
        description =
            "judged puzzles (a right and a wrong grid each) in verification prompts (0 to 2)",
        defaultValue = "2")
    int verificationShots) {

  /** Validates the options. */
  public Sudoku4Options {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    if (extraGivens < 0 || extraGivens > 12) {
      throw new IllegalArgumentException("extraGivens must be from 0 to 12, was " + extraGivens);
    }
    if (shots < 0 || shots > 8) {
      throw new IllegalArgumentException("shots must be from 0 to 8, was " + shots);
    }
    if (verificationShots < 0 || verificationShots > 2) {
      throw new IllegalArgumentException(
          "verification_shots must be from 0 to 2, was " + verificationShots);
    }
  }

  /** Options with the default two judged puzzles in verification prompts. */
  public Sudoku4Options(int count, int extraGivens, int shots) {
    this(count, extraGivens, shots, 2);
  }

  /** The defaults: 500 minimal puzzles, 2 shots, 2 judged puzzles in verification prompts. */
  public Sudoku4Options() {
    this(500, 0, 2);
  }

  /** These options with {@code verificationShots} judged puzzles in verification prompts. */
  public Sudoku4Options withVerificationShots(int verificationShots) {
    return new Sudoku4Options(count, extraGivens, shots, verificationShots);
  }
}
