package io.gvgap.tasks.sudoku4;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic puzzle generation: puzzle i of a seed depends on the seed and i alone. */
final class Sudoku4Puzzles {

  /** A puzzle ({@code '.'} for empty cells) and its unique solution. */
  record Puzzle(String puzzle, String solution) {}

  private Sudoku4Puzzles() {}

  /**
   * Puzzle {@code index} of {@code seed}: a random complete grid, cells removed in random order while
   * the solution stays unique (a minimal puzzle), then {@code extraGivens} removed cells put back.
   */
  static Puzzle generate(long seed, long index, int extraGivens) {
    // java.util.Random is fully specified, so puzzles do not change between Java versions
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
    String solution = Sudoku4Grids.all().get(random.nextInt(Sudoku4Grids.all().size()));
    List<Integer> order = new ArrayList<>();
    for (int cell = 0; cell < Sudoku4Grids.CELLS; cell++) {
      order.add(cell);
    }
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      order.set(i, order.set(j, order.get(i)));
    }
    char[] puzzle = solution.toCharArray();
    List<Integer> removed = new ArrayList<>();
    for (int cell : order) {
      char digit = puzzle[cell];
      puzzle[cell] = '.';
      if (Sudoku4Grids.countSolutions(new String(puzzle), 2) == 1) {
        removed.add(cell);
      } else {
        puzzle[cell] = digit;
      }
    }
    for (int cell : removed.subList(0, Math.min(extraGivens, removed.size()))) {
      puzzle[cell] = solution.charAt(cell);
    }
    return new Puzzle(new String(puzzle), solution);
  }
}
