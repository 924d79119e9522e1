package io.gvgap.tasks.sudoku4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The step-by-step judge on hand-made grids, and its verdicts against the task's independent rule checker. */
class Sudoku4JudgeTest {

  /** Rows 1234 3412 2143 4321: columns 1324 2413 3142 4231 and boxes 1234 3412 2143 4321 all hold 1 to 4. */
  private static final String GRID = "1234341221434321";
  /** Givens: 1 at row 1 column 1, 1 at row 2 column 3, 4 at row 4 column 1 (all kept by GRID). */
  private static final String PUZZLE = "1.....1.....4...";

  private static final String GIVENS_KEPT =
      "givens 1... ..1. .... 4..., grid there 1... ..1. .... 4...: kept\n";
  private static final String ROWS_OK =
      "row 1: 1234 ok\nrow 2: 3412 ok\nrow 3: 2143 ok\nrow 4: 4321 ok\n";

  private static String rows(String grid) {
    return Sudoku4Task.rows(grid);
  }

  @Test
  void theRightGridIsCopiedGroupByGroupBeforeTheVerdict() {
    // every group read off GRID by hand (see the GRID comment)
    assertThat(Sudoku4Judge.rederive(PUZZLE, rows(GRID)))
        .isEqualTo(GIVENS_KEPT + ROWS_OK
            + "column 1: 1324 ok\ncolumn 2: 2413 ok\ncolumn 3: 3142 ok\ncolumn 4: 4231 ok\n"
            + "box 1: 1234 ok\nbox 2: 3412 ok\nbox 3: 2143 ok\nbox 4: 4321 ok\n"
            + "every row, column and box holds 1 to 4, so the grid is right.");
    assertThat(Sudoku4Judge.check(PUZZLE, rows(GRID)))
        .isEqualTo(
            "it keeps the givens and every row, column and box holds 1 to 4, so it is right.");
  }

  @Test
  void twoCellsOfARowSwappedBreakAColumn() {
    // row 3 2143 -> 1243 (cells 9 and 10, both empty): rows stay fine, column 1 becomes 1 3 1 4
    String swapped = "1234341212434321";
    assertThat(Sudoku4Judge.rederive(PUZZLE, rows(swapped)))
        .isEqualTo(GIVENS_KEPT
            + "row 1: 1234 ok\nrow 2: 3412 ok\nrow 3: 1243 ok\nrow 4: 4321 ok\n"
            + "column 1: 1314 has 1 twice, so the grid is wrong.");
    assertThat(Sudoku4Judge.check(PUZZLE, rows(swapped)))
        .isEqualTo("column 1: 1314 has 1 twice, so it is wrong.");
  }

  @Test
  void aChangedDigitBreaksItsRow() {
    // row 2 column 2 (empty) 4 -> 2: row 2 reads 3 2 1 2
    String changed = "1234321221434321";
    assertThat(Sudoku4Judge.rederive(PUZZLE, rows(changed)))
        .isEqualTo(GIVENS_KEPT + "row 1: 1234 ok\nrow 2: 3212 has 2 twice, so the grid is wrong.");
  }

  @Test
  void anOverwrittenGivenIsSeenInTheCopyOfTheGivenCells() {
    // row 4 column 1 is the given 4; the grid has 3 there
    String overwritten = "1234341221433321";
    assertThat(Sudoku4Judge.rederive(PUZZLE, rows(overwritten)))
        .isEqualTo(
            "givens 1... ..1. .... 4..., grid there 1... ..1. .... 3...: row 4 column 1 has 3, not the given 4,"
                + " so the grid is wrong.");
    assertThat(Sudoku4Judge.check(PUZZLE, rows(overwritten)))
        .isEqualTo("row 4 column 1 has 3, not the given 4, so it is wrong.");
  }

  @Test
  void aBoxCanBreakWhenEveryRowAndColumnHolds1To4() {
    // rows 1234 2143 3412 4321 and columns 1234 2143 3412 4321 are fine; box 1 is 1 2 2 1
    String grid = "1234214334124321";
    assertThat(Sudoku4Judge.rederive("1...............", rows(grid)))
        .endsWith("column 4: 4321 ok\nbox 1: 1221 has 2 twice, so the grid is wrong.");
  }

  @Test
  void digitsOutside1To4AreNamed() {
    assertThat(Sudoku4Judge.rederive(PUZZLE, rows("1234341221434351")))
        .endsWith("row 3: 2143 ok\nrow 4: 4351 has 5, which is not 1 to 4, so the grid is wrong.");
    assertThat(Sudoku4Judge.rederive("................", rows("0234341221434321")))
        .isEqualTo("givens .... .... .... ...., grid there .... .... .... ....: kept\n"
            + "row 1: 0234 has 0, which is not 1 to 4, so the grid is wrong.");
  }

  @Test
  void aProposalWithoutAGridIsWrongAndDecoratedGridsAreRead() {
    assertThat(Sudoku4Judge.rederive(PUZZLE, "I think it is 1234 and then 3412"))
        .isEqualTo("the proposal has no grid of 16 digits, so the grid is wrong.");
    assertThat(Sudoku4Judge.check(PUZZLE, ""))
        .isEqualTo("it has no grid of 16 digits, so it is wrong.");
    // the task reads the last grid of the text, with bars and spaces between digits
    assertThat(Sudoku4Judge.rederive(
            PUZZLE, "0000 0000 0000 0000\nso:\n1 2 | 3 4\n3 4 | 1 2\n2 1 | 4 3\n4 3 | 2 1"))
        .endsWith("so the grid is right.");
  }

  @Test
  void aRightAndAWrongGridShareTheTextUpToACopiedDigit() {
    for (Sudoku4Corpus.WrongKind kind : Sudoku4Corpus.WrongKind.values()) {
      for (int i = 0; i < 50; i++) {
        Sudoku4Puzzles.Puzzle puzzle = Sudoku4Puzzles.generate(77, i, 0);
        String wrong =
            Sudoku4Corpus.wrongGrid(puzzle.puzzle(), puzzle.solution(), kind, new Random(i));
        String right = Sudoku4Judge.rederive(puzzle.puzzle(), rows(puzzle.solution()));
        String judged = Sudoku4Judge.rederive(puzzle.puzzle(), rows(wrong));
        int common = 0;
        while (right.charAt(common) == judged.charAt(common)) {
          common++;
        }
        // the texts part where a copied digit differs, before any verdict word of that line
        assertThat(
                Character.isDigit(right.charAt(common)) && Character.isDigit(judged.charAt(common)))
            .as("%s %s: %s | %s", kind, puzzle.puzzle(), right, judged)
            .isTrue();
      }
    }
  }

  @Test
  void verdictsAndTheNamedGroupAgreeWithTheRuleCheckerOn1000Pairs() {
    Random random = new Random(2024);
    int right = 0;
    for (int i = 0; i < 1000; i++) {
      Sudoku4Puzzles.Puzzle puzzle = Sudoku4Puzzles.generate(13, i, i % 4);
      String grid = switch (i % 5) {
        case 0 -> puzzle.solution();
        case 1 -> Sudoku4Grids.all().get(random.nextInt(288));
        case 2 ->
          withCell(puzzle.solution(), random.nextInt(16), (char) ('0' + random.nextInt(10)));
        case 3 -> swapped(puzzle.solution(), random.nextInt(16), random.nextInt(16));
        default -> randomDigits(random);
      };
      Optional<String> violation = Sudoku4Grids.firstViolation(puzzle.puzzle(), grid);
      String rederived = Sudoku4Judge.rederive(puzzle.puzzle(), rows(grid));
      String check = Sudoku4Judge.check(puzzle.puzzle(), rows(grid));
      assertThat(rederived.endsWith("so the grid is right."))
          .as(rederived)
          .isEqualTo(violation.isEmpty());
      assertThat(check.endsWith("so it is right.")).as(check).isEqualTo(violation.isEmpty());
      if (violation.isPresent()) {
        // the checker says "column 3 has 4 twice" or "row 1 column 2 must keep the given ..."; the
        // judge's last
        // line names the same group or cell
        String place = violation.get().replaceAll(" (has|must keep).*", "");
        String lastLine = rederived.substring(rederived.lastIndexOf('\n') + 1);
        assertThat(lastLine)
            .as("%s vs %s", violation.get(), rederived)
            .contains(
                place + (place.contains("column ") && place.startsWith("row") ? " has " : ": "));
      } else {
        right++;
      }
    }
    // both verdicts are well represented: the 200 solutions are right (plus changed cells that kept
    // their digit and
    // swaps of equal digits, about 20 + 50); the 200 random digit strings, about 180 changed cells
    // and about 150
    // swaps of different digits are wrong
    assertThat(right).isGreaterThanOrEqualTo(200);
    assertThat(1000 - right).isGreaterThanOrEqualTo(500);
  }

  private static String withCell(String grid, int cell, char digit) {
    return grid.substring(0, cell) + digit + grid.substring(cell + 1);
  }

  private static String swapped(String grid, int a, int b) {
    char[] cells = grid.toCharArray();
    char saved = cells[a];
    cells[a] = cells[b];
    cells[b] = saved;
    return new String(cells);
  }

  private static String randomDigits(Random random) {
    StringBuilder digits = new StringBuilder();
    for (int k = 0; k < 16; k++) {
      digits.append((char) ('1' + random.nextInt(4)));
    }
    return digits.toString();
  }
}
