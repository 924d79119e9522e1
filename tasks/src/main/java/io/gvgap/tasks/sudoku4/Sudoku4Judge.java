package io.gvgap.tasks.sudoku4;

import java.util.Optional;

/**
 * Writes what a careful judge checks in a proposed grid: the givens, then each row, column and box in
 * turn, up to the first violation. Two forms: {@link #rederive}, the one of chain-of-thought
 * judgements, which copies every group out of the grid before it decides about it, and
 * {@link #check}, the compact one of pairwise judgements.
 *
 * <p>Groups are checked in the order of {@link Sudoku4Grids#firstViolation}: givens, rows 1-4,
 * columns 1-4, boxes 1-4 (box 1 top left, box 2 top right, cells row by row); within a group the
 * first digit that is outside 1-4 or repeats is named.
 */
final class Sudoku4Judge {

  private static final String RIGHT =
      "every row, column and box holds 1 to 4, so the grid is right.";
  private static final String WRONG = ", so the grid is wrong.";
  private static final String NO_GRID =
      "the proposal has no grid of 16 digits, so the grid is wrong.";

  private Sudoku4Judge() {}

  /**
   * The chain-of-thought check of a proposal for a puzzle, e.g.
   * <pre>
   * givens 1... .3.. ..2. ...4, grid there 1... .3.. ..2. ...4: kept
   * row 1: 1243 ok
   * ...
   * column 2: 2341 ok
   * ...
   * every row, column and box holds 1 to 4, so the grid is right.
   * </pre>
   * A right and a wrong grid of one puzzle get the same text up to the copied digit where they differ,
   * so a judge that learns this decides after it has written the evidence out, not before.
   *
   * @param puzzle the puzzle, 16 characters with {@code '.'} for empty cells
   * @param proposal the proposed answer, untrusted text; its grid is read as the task reads it
   */
  static String rederive(String puzzle, String proposal) {
    Optional<String> found = Sudoku4Task.extractGrid(proposal);
    if (found.isEmpty()) {
      return NO_GRID;
    }
    String grid = found.get();
    StringBuilder check = new StringBuilder("givens ")
        .append(groups(puzzle))
        .append(", grid there ")
        .append(groups(atGivens(puzzle, grid)));
    int changed = firstChangedGiven(puzzle, grid);
    if (changed >= 0) {
      return check
          .append(": ")
          .append(changedGiven(puzzle, grid, changed))
          .append(WRONG)
          .toString();
    }
    check.append(": kept\n");
    for (int unit = 0; unit < 12; unit++) {
      String digits = unitDigits(grid, unit);
      check.append(unitName(unit)).append(": ").append(digits);
      Optional<String> fault = fault(digits);
      if (fault.isPresent()) {
        return check.append(' ').append(fault.get()).append(WRONG).toString();
      }
      check.append(" ok\n");
    }
    return check.append(RIGHT).toString();
  }

  /**
   * The compact check of a proposal: "column 2: 1341 has 1 twice, so it is wrong." or "it keeps the
   * givens and every row, column and box holds 1 to 4, so it is right."
   */
  static String check(String puzzle, String proposal) {
    Optional<String> found = Sudoku4Task.extractGrid(proposal);
    if (found.isEmpty()) {
      return "it has no grid of 16 digits, so it is wrong.";
    }
    String grid = found.get();
    int changed = firstChangedGiven(puzzle, grid);
    if (changed >= 0) {
      return changedGiven(puzzle, grid, changed) + ", so it is wrong.";
    }
    for (int unit = 0; unit < 12; unit++) {
      String digits = unitDigits(grid, unit);
      Optional<String> fault = fault(digits);
      if (fault.isPresent()) {
        return unitName(unit) + ": " + digits + " " + fault.get() + ", so it is wrong.";
      }
    }
    return "it keeps the givens and every row, column and box holds 1 to 4, so it is right.";
  }

  /** The grid's digits at the puzzle's given cells, {@code '.'} elsewhere. */
  private static String atGivens(String puzzle, String grid) {
    char[] cells = new char[16];
    for (int cell = 0; cell < 16; cell++) {
      cells[cell] = puzzle.charAt(cell) == '.' ? '.' : grid.charAt(cell);
    }
    return new String(cells);
  }

  /** Sixteen cells as four row groups separated by spaces: "1... .3.. ..2. ...4". */
  private static String groups(String cells) {
    return cells.substring(0, 4) + " " + cells.substring(4, 8) + " " + cells.substring(8, 12) + " "
        + cells.substring(12);
  }

  private static int firstChangedGiven(String puzzle, String grid) {
    for (int cell = 0; cell < 16; cell++) {
      if (puzzle.charAt(cell) != '.' && puzzle.charAt(cell) != grid.charAt(cell)) {
        return cell;
      }
    }
    return -1;
  }

  private static String changedGiven(String puzzle, String grid, int cell) {
    return "row " + (cell / 4 + 1) + " column " + (cell % 4 + 1) + " has " + grid.charAt(cell)
        + ", not the given " + puzzle.charAt(cell);
  }

  /** What is wrong with a group's four digits: the first one outside 1-4 or seen before; empty when none. */
  private static Optional<String> fault(String digits) {
    for (int k = 0; k < 4; k++) {
      char digit = digits.charAt(k);
      if (digit < '1' || digit > '4') {
        return Optional.of("has " + digit + ", which is not 1 to 4");
      }
      if (digits.substring(0, k).indexOf(digit) >= 0) {
        return Optional.of("has " + digit + " twice");
      }
    }
    return Optional.empty();
  }

  /** The four digits of a group: units 0-3 are rows, 4-7 columns, 8-11 boxes. */
  private static String unitDigits(String grid, int unit) {
    StringBuilder digits = new StringBuilder(4);
    int index = unit % 4;
    for (int k = 0; k < 4; k++) {
      int row;
      int column;
      if (unit < 4) {
        row = index;
        column = k;
      } else if (unit < 8) {
        row = k;
        column = index;
      } else {
        // box b covers rows 2*(b/2) and the next, columns 2*(b%2) and the next
        row = index / 2 * 2 + k / 2;
        column = index % 2 * 2 + k % 2;
      }
      digits.append(grid.charAt(row * 4 + column));
    }
    return digits.toString();
  }

  private static String unitName(int unit) {
    return (unit < 4 ? "row " : unit < 8 ? "column " : "box ") + (unit % 4 + 1);
  }
}
