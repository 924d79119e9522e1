package io.gvgap.tasks.sudoku4;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Puzzles are unique, minimal and deterministic; answers are read from untrusted text. */
class Sudoku4TaskTest {

  private final Task task = new Sudoku4Provider().create(new Sudoku4Options());

  @Test
  void puzzlesHaveUniqueSolutionsAndAreMinimal() {
    for (Example example : task.examples(new ExampleRequest(200, 3))) {
      String puzzle = example.metadata().get(Sudoku4Task.PUZZLE);
      String solution = example.metadata().get(Sudoku4Task.SOLUTION);
      assertThat(Sudoku4Grids.countSolutions(puzzle, 2)).as(puzzle).isEqualTo(1);
      assertThat(Sudoku4Grids.firstViolation(puzzle, solution)).isEmpty();
      for (int cell = 0; cell < 16; cell++) {
        if (puzzle.charAt(cell) != '.') {
          String fewer = puzzle.substring(0, cell) + "." + puzzle.substring(cell + 1);
          assertThat(Sudoku4Grids.countSolutions(fewer, 2))
              .as("%s without cell %d", puzzle, cell)
              .isEqualTo(2);
        }
      }
    }
  }

  @Test
  void extraGivensMakeEasierPuzzlesOfTheSameSolution() {
    Task easier = new Sudoku4Provider().create(new Sudoku4Options(500, 3, 2));
    List<Example> minimal = task.examples(new ExampleRequest(20, 8));
    List<Example> withExtra = easier.examples(new ExampleRequest(20, 8));
    for (int i = 0; i < 20; i++) {
      String a = minimal.get(i).metadata().get(Sudoku4Task.PUZZLE);
      String b = withExtra.get(i).metadata().get(Sudoku4Task.PUZZLE);
      assertThat(b.replace(".", "").length()).isEqualTo(a.replace(".", "").length() + 3);
      assertThat(withExtra.get(i).metadata().get(Sudoku4Task.SOLUTION))
          .isEqualTo(minimal.get(i).metadata().get(Sudoku4Task.SOLUTION));
    }
  }

  @Test
  void examplesDependOnSeedAndIndexOnly() {
    List<Example> five = task.examples(new ExampleRequest(5, 42));
    assertThat(task.examples(new ExampleRequest(10, 42)).subList(0, 5)).isEqualTo(five);
    assertThat(five.get(3).id()).isEqualTo("s42-3");
  }

  @Test
  void extractsTheLastGridFromUntrustedText() {
    Example example = task.examples(new ExampleRequest(1, 0)).get(0);
    String solution = example.metadata().get(Sudoku4Task.SOLUTION);
    String rows = Sudoku4Task.rows(solution);
    assertThat(task.extract(example, rows)).isEqualTo(Answer.of(solution));
    assertThat(task.extract(example, "Step 3: fill row 1.\n" + rows + "\nAll 4 rows are valid."))
        .isEqualTo(Answer.of(solution));
    assertThat(task.extract(example, "1 2 | 3 4\n3 4 | 1 2\n----+----\n2 1 | 4 3\n4 3 | 2 1"))
        .isEqualTo(Answer.of("1234341221434321"));
    assertThat(task.extract(example, "first try 1234123412341234 then " + solution))
        .isEqualTo(Answer.of(solution));
    assertThat(task.extract(example, "1234\n3412\n2143")).isEqualTo(Answer.none());
    assertThat(task.extract(example, "I cannot solve it")).isEqualTo(Answer.none());
    assertThat(task.utility(example, Answer.of(solution))).isEqualTo(1.0);
    assertThat(task.utility(example, Answer.of("1234123412341234"))).isEqualTo(0.0);
  }
}
