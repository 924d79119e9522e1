package io.gvgap.tasks.sudoku4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grid search against an independent brute force, and the rule checker on hand-made grids. */
class Sudoku4GridsTest {

  /** Brute force: every choice of four row permutations of 1234 (24^4), kept when columns and boxes hold 1-4. */
  private static Set<String> bruteForceGrids() {
    List<String> permutations = new ArrayList<>();
    for (int i = 1234; i <= 4321; i++) {
      String s = Integer.toString(i);
      if (s.chars().distinct().count() == 4 && s.chars().allMatch(c -> c >= '1' && c <= '4')) {
        permutations.add(s);
      }
    }
    assertThat(permutations).hasSize(24);
    Set<String> grids = new HashSet<>();
    for (String r0 : permutations) {
      for (String r1 : permutations) {
        for (String r2 : permutations) {
          for (String r3 : permutations) {
            String g = r0 + r1 + r2 + r3;
            boolean ok = true;
            for (int k = 0; k < 4 && ok; k++) {
              Set<Character> column =
                  setOf(g.charAt(k), g.charAt(4 + k), g.charAt(8 + k), g.charAt(12 + k));
              int top = (k / 2) * 8 + (k % 2) * 2;
              Set<Character> box =
                  setOf(g.charAt(top), g.charAt(top + 1), g.charAt(top + 4), g.charAt(top + 5));
              ok = column.size() == 4 && box.size() == 4;
            }
            if (ok) {
              grids.add(g);
            }
          }
        }
      }
    }
    return grids;
  }

  private static Set<Character> setOf(char... chars) {
    Set<Character> set = new HashSet<>();
    for (char c : chars) {
      set.add(c);
    }
    return set;
  }

  @Test
  void thereAre288CompleteGridsAndTheSearchFindsExactlyThem() {
    assertThat(Sudoku4Grids.all()).hasSize(288).doesNotHaveDuplicates();
    assertThat(new HashSet<>(Sudoku4Grids.all())).isEqualTo(bruteForceGrids());
  }

  @Test
  void countsSolutionsOfPuzzles() {
    assertThat(Sudoku4Grids.countSolutions(".".repeat(16), 1000)).isEqualTo(288);
    assertThat(Sudoku4Grids.countSolutions(".".repeat(16), 5)).isEqualTo(5);
    assertThat(Sudoku4Grids.countSolutions("1234341221434321", 5)).isEqualTo(1);
    // two equal givens in row 1 can never be completed
    assertThat(Sudoku4Grids.countSolutions("11..............", 5)).isZero();
    // rows 1234/3412 given: each blank column of rows 3-4 has two digits left, row 3 picks (2|4,
    // 1|3,
    // the other of 2|4, the other of 1|3) = 4 ways and row 4 follows (by hand); a given 2 halves
    // that
    assertThat(Sudoku4Grids.countSolutions("12343412........", 10)).isEqualTo(4);
    assertThat(Sudoku4Grids.countSolutions("123434122.......", 10)).isEqualTo(2);
  }

  @Test
  void ruleCheckerNamesTheFirstViolation() {
    String puzzle = "1...............";
    assertThat(Sudoku4Grids.firstViolation(puzzle, "1234341221434321")).isEmpty();
    assertThat(Sudoku4Grids.firstViolation(puzzle, "2134431212434321"))
        .contains("row 1 column 1 must keep the given 1 but has 2");
    assertThat(Sudoku4Grids.firstViolation(puzzle, "1243341221434321"))
        .contains("column 3 has 4 twice");
    assertThat(Sudoku4Grids.firstViolation(puzzle, "1234341221434351"))
        .contains("row 4 has 5, which is not 1 to 4");
    assertThat(Sudoku4Grids.firstViolation(puzzle, "1234"))
        .contains("the grid has 4 digits, not 16");
    // rows and columns are Latin but the top-left box holds 1, 2, 2, 1
    assertThat(Sudoku4Grids.firstViolation(puzzle, "1234214334124321"))
        .contains("box 1 has 2 twice");
  }
}
