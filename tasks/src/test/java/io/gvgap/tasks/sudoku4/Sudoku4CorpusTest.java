package io.gvgap.tasks.sudoku4;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.tasks.arithmetic.VerificationDocument;
import io.gvgap.tasks.arithmetic.VerificationStyle;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The corpus: solved puzzles in the prompt layout, balanced and correctly labelled verification text, wrong grids of each kind. */
class Sudoku4CorpusTest {

  private final Sudoku4Options options = new Sudoku4Options();
  private final Sudoku4Corpus corpus = new Sudoku4Corpus(options);
  private final Sudoku4Task task = new Sudoku4Task(options);

  @Test
  void solvedPuzzlesAreTheLayoutOfTheGenerationPromptsShots() {
    Example example = task.examples(new ExampleRequest(1, 0)).get(0);
    String prompt = task.generationPrompt(example).text();
    // the prompt is the instructions, the two shots (puzzles 0 and 1 of the shot seed) each
    // followed by a blank line,
    // then the open puzzle
    assertThat(prompt)
        .isEqualTo(
            "Fill each 4x4 Sudoku so that every row, column and 2x2 box holds 1, 2, 3 and 4.\n\n"
                + corpus.solvedPuzzle(Sudoku4Task.SHOT_SEED, 0) + "\n"
                + corpus.solvedPuzzle(Sudoku4Task.SHOT_SEED, 1) + "\n"
                + example.question() + "\nSolution:\n");
    List<Example> examples = task.examples(new ExampleRequest(20, 9));
    for (int i = 0; i < 20; i++) {
      String document = corpus.solvedPuzzle(9, i);
      assertThat(document)
          .isEqualTo(
              examples.get(i).question() + "\nSolution:\n" + examples.get(i).reference() + "\n")
          .matches("Puzzle:\n([.1-4]{4}\n){4}Solution:\n([1-4]{4}\n){4}");
      assertThat(task.utility(examples.get(i), task.extract(examples.get(i), document)))
          .isEqualTo(1.0);
      assertThat(corpus.puzzle(9, i)).isEqualTo(examples.get(i).metadata().get(Sudoku4Task.PUZZLE));
    }
  }

  @Test
  void verificationDocumentsAreBalancedDeterministicAndLabelledByTheirContent() {
    List<VerificationDocument> documents = corpus.verificationDocuments(3, 400);
    assertThat(new Sudoku4Corpus(options).verificationDocuments(3, 400)).isEqualTo(documents);
    assertThat(corpus.verificationDocuments(4, 8)).isNotEqualTo(documents.subList(0, 8));
    assertThat(documents.stream().filter(VerificationDocument::responseCorrect)).hasSize(200);
    for (VerificationStyle style : VerificationStyle.values()) {
      assertThat(documents.stream().filter(d -> d.style() == style)).hasSize(100);
      assertThat(documents.stream().filter(d -> d.style() == style && d.responseCorrect()))
          .hasSize(50);
    }
    for (int i = 0; i < documents.size(); i++) {
      VerificationDocument document = documents.get(i);
      Example example = task.examples(new ExampleRequest(i + 1, 3)).get(i);
      assertThat(document.prompt()).contains(example.question());
      String verdict = switch (document.style()) {
        case MULTIPLE_CHOICE -> document.responseCorrect() ? " Correct" : " Incorrect";
        case COT_BINARY ->
          "right.\nVerdict: " + (document.responseCorrect() ? "correct" : "incorrect");
        case COT_SCORE -> "right.\nScore: " + (document.responseCorrect() ? "10" : "1");
        case PAIRWISE -> "\nBetter: " + (document.responseCorrect() ? "A" : "B");
      };
      if (!document.responseCorrect() && document.style() != VerificationStyle.PAIRWISE) {
        verdict = verdict.replace("right.", "wrong.");
      }
      assertThat(document.target()).as(document.text()).endsWith(verdict);
      // the judged grid (the last proposal, or answer A) is scored by the task as labelled
      String marker =
          document.style() == VerificationStyle.PAIRWISE ? "Answer A:\n" : "Proposed answer:\n";
      String judged =
          document.prompt().substring(document.prompt().lastIndexOf(marker) + marker.length());
      judged = judged.substring(0, 19);
      Answer answer = task.extract(example, judged);
      assertThat(task.utility(example, answer))
          .as(document.prompt())
          .isEqualTo(document.responseCorrect() ? 1.0 : 0.0);
    }
  }

  @Test
  void zeroShotVerificationPromptsHaveNoExemplarsAndFewShotOnesUseTheJudgesCheck() {
    VerificationDocument zeroShot =
        new Sudoku4Corpus(options.withVerificationShots(0)).verificationDocument(3, 1);
    VerificationDocument twoShot = corpus.verificationDocument(3, 1);
    assertThat(zeroShot.style()).isEqualTo(VerificationStyle.COT_BINARY);
    assertThat(zeroShot.target()).isEqualTo(twoShot.target());
    assertThat(zeroShot.prompt()).doesNotContain("Verdict: correct\n").hasSizeLessThan(400);
    // two exemplars, each judged right and wrong with the step-by-step check before the verdict
    assertThat(twoShot.prompt())
        .containsSubsequence(
            "grid there",
            "so the grid is right.\nVerdict: correct",
            "grid there",
            "so the grid is wrong.\nVerdict: incorrect");
    assertThat(twoShot.prompt().split("\nVerdict: ", -1)).hasSize(5);
    assertThat(twoShot.prompt())
        .endsWith(zeroShot.prompt().substring(zeroShot.prompt().indexOf("Question:")));
  }

  @Test
  void wrongGridsOfEachKindDifferFromTheSolutionAsTheKindSays() {
    for (int i = 0; i < 200; i++) {
      Sudoku4Puzzles.Puzzle puzzle = Sudoku4Puzzles.generate(21, i, 0);
      String p = puzzle.puzzle();
      String s = puzzle.solution();
      String swapped =
          Sudoku4Corpus.wrongGrid(p, s, Sudoku4Corpus.WrongKind.SWAPPED_IN_ROW, new Random(i));
      List<Integer> cells = differingCells(s, swapped);
      assertThat(cells).hasSize(2);
      assertThat(cells.get(0) / 4).isEqualTo(cells.get(1) / 4);
      assertThat(p.charAt(cells.get(0))).isEqualTo('.');
      assertThat(p.charAt(cells.get(1))).isEqualTo('.');
      assertThat(Sudoku4Grids.firstViolation(p, swapped)).get().asString().startsWith("column ");
      String changed =
          Sudoku4Corpus.wrongGrid(p, s, Sudoku4Corpus.WrongKind.CHANGED_DIGIT, new Random(i));
      assertThat(differingCells(s, changed)).hasSize(1).allMatch(cell -> p.charAt(cell) == '.');
      assertThat(changed).matches("[1-4]{16}");
      String overwritten =
          Sudoku4Corpus.wrongGrid(p, s, Sudoku4Corpus.WrongKind.OVERWRITTEN_GIVEN, new Random(i));
      assertThat(differingCells(s, overwritten)).hasSize(1).allMatch(cell -> p.charAt(cell) != '.');
      assertThat(overwritten).matches("[1-4]{16}");
      String other =
          Sudoku4Corpus.wrongGrid(p, s, Sudoku4Corpus.WrongKind.OTHER_GRID, new Random(i));
      assertThat(Sudoku4Grids.all()).contains(other);
      assertThat(other).isNotEqualTo(s);
    }
    // with every empty cell given back but none, a row swap is impossible and falls back to a
    // changed digit
    String full = "1234341221434321";
    String wrong =
        Sudoku4Corpus.wrongGrid(full, full, Sudoku4Corpus.WrongKind.SWAPPED_IN_ROW, new Random(1));
    assertThat(differingCells(full, wrong)).hasSize(1);
  }

  private static List<Integer> differingCells(String a, String b) {
    return java.util.stream.IntStream.range(0, 16)
        .filter(k -> a.charAt(k) != b.charAt(k))
        .boxed()
        .toList();
  }
}
