package io.gvgap.tasks.sudoku4;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 4×4 Sudoku: every row, column and 2×2 box holds 1, 2, 3 and 4. A grid is a 16-character string,
 * row by row, with {@code '.'} for an empty cell.
 */
public final class Sudoku4Grids {

  /** Number of cells. */
  public static final int CELLS = 16;

  private static final List<String> ALL =
      List.copyOf(search(new char[CELLS], 0, new ArrayList<>(), Integer.MAX_VALUE));

  private Sudoku4Grids() {}

  /** All complete grids, in lexicographic order (there are 288). */
  public static List<String> all() {
    return ALL;
  }

  /** How many completions the puzzle has, counting no further than {@code cap}. */
  public static int countSolutions(String puzzle, int cap) {
    return search(puzzle.toCharArray(), 0, new ArrayList<>(), cap).size();
  }

  /** The first violated rule of a filled grid against its puzzle, or empty when the grid solves it. */
  public static Optional<String> firstViolation(String puzzle, String grid) {
    if (grid.length() != CELLS) {
      return Optional.of("the grid has " + grid.length() + " digits, not 16");
    }
    for (int cell = 0; cell < CELLS; cell++) {
      char given = puzzle.charAt(cell);
      if (given != '.' && grid.charAt(cell) != given) {
        return Optional.of("row " + (cell / 4 + 1) + " column " + (cell % 4 + 1)
            + " must keep the given " + given + " but has " + grid.charAt(cell));
      }
    }
    for (int unit = 0; unit < 12; unit++) {
      String seen = "";
      for (int k = 0; k < 4; k++) {
        char digit = grid.charAt(unitCell(unit, k));
        if (digit < '1' || digit > '4' || seen.indexOf(digit) >= 0) {
          return Optional.of(unitName(unit) + " has " + digit
              + (digit < '1' || digit > '4' ? ", which is not 1 to 4" : " twice"));
        }
        seen += digit;
      }
    }
    return Optional.empty();
  }

  /** Cell index of the k-th cell of unit u: units 0-3 are rows, 4-7 columns, 8-11 boxes. */
  private static int unitCell(int unit, int k) {
    if (unit < 4) {
      return unit * 4 + k;
    }
    if (unit < 8) {
      return k * 4 + (unit - 4);
    }
    int box = unit - 8;
    return (box / 2 * 2 + k / 2) * 4 + box % 2 * 2 + k % 2;
  }

  private static String unitName(int unit) {
    String[] kinds = {"row", "column", "box"};
    return kinds[unit / 4] + " " + (unit % 4 + 1);
  }

  private static boolean allowed(char[] grid, int cell, char digit) {
    int row = cell / 4;
    int col = cell % 4;
    int boxRow = row / 2 * 2;
    int boxCol = col / 2 * 2;
    for (int k = 0; k < 4; k++) {
      if (grid[row * 4 + k] == digit
          || grid[k * 4 + col] == digit
          || grid[(boxRow + k / 2) * 4 + boxCol + k % 2] == digit) {
        return false;
      }
    }
    return true;
  }

  /** Depth-first search over the empty cells, in cell order and digit order, collecting up to cap grids. */
  private static List<String> search(char[] grid, int cell, List<String> found, int cap) {
    if (found.size() >= cap) {
      return found;
    }
    if (cell == CELLS) {
      found.add(new String(grid));
      return found;
    }
    if (grid[cell] >= '1' && grid[cell] <= '4') {
      char given = grid[cell];
      grid[cell] = '.';
      boolean consistent = allowed(grid, cell, given); // conflicting givens have no solution
      grid[cell] = given;
      return consistent ? search(grid, cell + 1, found, cap) : found;
    }
    char saved = grid[cell];
    for (char digit = '1'; digit <= '4'; digit++) {
      if (allowed(grid, cell, digit)) {
        grid[cell] = digit;
        search(grid, cell + 1, found, cap);
      }
    }
    grid[cell] = saved;
    return found;
  }
}
