package io.gvgap.tasks.sudoku4;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.tasks.common.FewShotVerificationFormats;
import io.gvgap.tasks.common.JudgedExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 4×4 Sudoku task: a generated puzzle with a unique solution; the answer is the last 16-digit
 * grid in the completion; utility 1 when it keeps the givens and every row, column and box holds
 * 1 to 4. Verifying a filled grid is far easier than solving: the canonical case for a gap.
 */
public final class Sudoku4Task implements Task {

  /** Metadata key of the puzzle (16 characters, {@code '.'} for empty cells). */
  public static final String PUZZLE = "puzzle";
  /** Metadata key of the solution (16 digits). */
  public static final String SOLUTION = "solution";

  /** Seed of the few-shot exemplars, apart from any seed a run is likely to use. */
  static final long SHOT_SEED = -7_385_019_642_118L;
  /**
   * Sixteen digits separated only by spaces, line breaks and grid drawing characters; read on the
   * reversed text, so that the first match is the last grid of the completion.
   */
  private static final Pattern GRID = Pattern.compile("\\d(?:[\\s|,;+\\-]*\\d){15}");

  private final Sudoku4Options options;
  private final String fewShotPrefix;
  private final VerificationFormats verification;

  /** Creates the task. */
  public Sudoku4Task(Sudoku4Options options) {
    this.options = options;
    StringBuilder prefix = new StringBuilder(
        "Fill each 4x4 Sudoku so that every row, column and 2x2 box holds 1, 2, 3 and 4.\n\n");
    for (int i = 0; i < options.shots(); i++) {
      Sudoku4Puzzles.Puzzle shot = Sudoku4Puzzles.generate(SHOT_SEED, i, options.extraGivens());
      prefix.append(solvedPuzzle(shot)).append('\n');
    }
    this.fewShotPrefix = prefix.toString();
    this.verification = new FewShotVerificationFormats(
        "Judge whether the proposed grid solves the 4x4 Sudoku: it must keep every given digit, and every"
            + " row, column and 2x2 box must hold 1, 2, 3 and 4.",
        judgedExamples());
  }

  @Override
  public List<Example> examples(ExampleRequest request) {
    int n = Math.min(request.limit(), options.count());
    List<Example> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      examples.add(example(request.seed(), i));
    }
    return examples;
  }

  /** Example {@code index} of a seed: puzzle {@code index} of that seed, its solution as the reference. */
  Example example(long seed, long index) {
    Sudoku4Puzzles.Puzzle puzzle = Sudoku4Puzzles.generate(seed, index, options.extraGivens());
    return new Example(
        "s" + seed + "-" + index,
        question(puzzle.puzzle()),
        rows(puzzle.solution()),
        Map.of(PUZZLE, puzzle.puzzle(), SOLUTION, puzzle.solution()));
  }

  /** A solved puzzle in the layout of the generation prompt's solved examples, ending in one line break. */
  static String solvedPuzzle(Sudoku4Puzzles.Puzzle puzzle) {
    return question(puzzle.puzzle()) + "\nSolution:\n" + rows(puzzle.solution()) + "\n";
  }

  @Override
  public Prompt generationPrompt(Example example) {
    return new Prompt(fewShotPrefix + example.question() + "\nSolution:\n", List.of("\n\n"));
  }

  @Override
  public Answer extract(Example example, String completion) {
    return extractGrid(completion).map(Answer::of).orElse(Answer.none());
  }

  /** The last 16-digit grid of untrusted text, as 16 digits (any of 0-9), or empty when there is none. */
  static Optional<String> extractGrid(String text) {
    Matcher matcher = GRID.matcher(new StringBuilder(text).reverse());
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new StringBuilder(matcher.group()).reverse().toString().replaceAll("\\D", ""));
  }

  @Override
  public double utility(Example example, Answer answer) {
    String puzzle = example.metadata().get(PUZZLE);
    if (!answer.found() || puzzle == null) {
      return 0;
    }
    return Sudoku4Grids.firstViolation(puzzle, answer.value()).isEmpty() ? 1 : 0;
  }

  @Override
  public VerificationFormats verification() {
    return verification;
  }

  /** The question: the puzzle as four rows, {@code '.'} for empty cells. */
  static String question(String puzzle) {
    return "Puzzle:\n" + rows(puzzle);
  }

  /** A 16-character grid as four lines of four, the layout of puzzles and solutions in prompts. */
  static String rows(String grid) {
    return grid.substring(0, 4) + "\n" + grid.substring(4, 8) + "\n" + grid.substring(8, 12) + "\n"
        + grid.substring(12);
  }

  /**
   * The judged exemplars ({@code verificationShots} of them) on minimal puzzles: the solution, and the
   * solution with two cells of a row swapped, each with the judge's step-by-step check
   * ({@link Sudoku4Judge#rederive}), the same check the verification corpus teaches.
   */
  private List<JudgedExample> judgedExamples() {
    List<JudgedExample> judged = new ArrayList<>();
    for (int i = 0; i < options.verificationShots(); i++) {
      Sudoku4Puzzles.Puzzle shot = Sudoku4Puzzles.generate(SHOT_SEED, 100 + i, 0);
      String right = rows(shot.solution());
      String wrong = rows(swapTwoEmptyCellsOfARow(shot.puzzle(), shot.solution()));
      judged.add(new JudgedExample(
          question(shot.puzzle()),
          right,
          Sudoku4Judge.rederive(shot.puzzle(), right),
          10,
          wrong,
          Sudoku4Judge.rederive(shot.puzzle(), wrong),
          1));
    }
    return judged;
  }

  /** The solution with the first two cells of a row that are both empty in the puzzle swapped. */
  private static String swapTwoEmptyCellsOfARow(String puzzle, String solution) {
    char[] grid = solution.toCharArray();
    for (int row = 0; row < 4; row++) {
      for (int a = 0; a < 4; a++) {
        for (int b = a + 1; b < 4; b++) {
          if (puzzle.charAt(row * 4 + a) == '.' && puzzle.charAt(row * 4 + b) == '.') {
            grid[row * 4 + a] = solution.charAt(row * 4 + b);
            grid[row * 4 + b] = solution.charAt(row * 4 + a);
            return new String(grid);
          }
        }
      }
    }
    // a minimal 4x4 puzzle has at most 6 givens, so some row has two empty cells
    throw new IllegalStateException("no row of " + puzzle + " has two empty cells");
  }
}
