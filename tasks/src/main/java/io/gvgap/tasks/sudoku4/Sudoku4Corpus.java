package io.gvgap.tasks.sudoku4;

import io.gvgap.api.task.Example;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.tasks.arithmetic.VerificationDocument;
import io.gvgap.tasks.arithmetic.VerificationStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training text for the built-in models, from the same puzzle distribution as the {@code sudoku4}
 * task: solved puzzles for pre-training, and labelled verification documents (right grids and the
 * kinds of wrong grid a model writes) in the task's four verification formats, judged by
 * {@link Sudoku4Judge}.
 *
 * <p>Document {@code i} of a seed depends on the options, the seed and {@code i} alone. Puzzle
 * {@code i} of a seed is the task's example {@code i} of that seed: train on seeds you do not evaluate
 * on. The verification documents reuse the arithmetic corpus's {@link VerificationDocument} and
 * {@link VerificationStyle}, which are not specific to arithmetic.
 */
public final class Sudoku4Corpus {

  /** The kinds of wrong grid, in the order wrong documents cycle through them. */
  public enum WrongKind {
    /** Two non-given cells of a row swapped: every row still holds 1 to 4, two columns break. */
    SWAPPED_IN_ROW,
    /** One non-given cell holds another digit from 1 to 4. */
    CHANGED_DIGIT,
    /** One given cell overwritten with another digit from 1 to 4. */
    OVERWRITTEN_GIVEN,
    /** A complete, valid grid that is not this puzzle's solution (so it breaks some given). */
    OTHER_GRID
  }

  private final Sudoku4Options options;
  private final Sudoku4Task task;
  private final VerificationFormats formats;

  /** A corpus of puzzles as the task with these options generates them, in its verification formats. */
  public Sudoku4Corpus(Sudoku4Options options) {
    this.options = options;
    this.task = new Sudoku4Task(options);
    this.formats = task.verification();
  }

  /** Puzzle {@code index} of {@code seed} (16 characters, {@code '.'} for empty cells). */
  public String puzzle(long seed, long index) {
    return Sudoku4Puzzles.generate(seed, index, options.extraGivens()).puzzle();
  }

  /**
   * Pre-training document {@code index}: "Puzzle:\n1...\n.3..\n..2.\n...4\nSolution:\n1243\n...\n", the
   * layout of the solved puzzles of the task's generation prompt.
   */
  public String solvedPuzzle(long seed, long index) {
    return Sudoku4Task.solvedPuzzle(Sudoku4Puzzles.generate(seed, index, options.extraGivens()));
  }

  /**
   * Verification document {@code index} of a seed. Styles cycle with the index (multiple choice,
   * CoT-Binary, CoT-Score, pairwise), the judged grid is right for indices whose {@code index / 4} is
   * even, so every run of 8 documents is balanced, and the wrong grids cycle through the
   * {@link WrongKind}s with {@code index / 8}, so every run of 32 documents has each kind once per style.
   */
  public VerificationDocument verificationDocument(long seed, long index) {
    VerificationStyle style = VerificationStyle.values()[(int) Math.floorMod(index, 4L)];
    boolean correct = Math.floorMod(index / 4, 2L) == 0;
    Example example = task.example(seed, index);
    String puzzle = example.metadata().get(Sudoku4Task.PUZZLE);
    String solution = example.metadata().get(Sudoku4Task.SOLUTION);
    WrongKind kind = WrongKind.values()[(int) Math.floorMod(index / 8, 4L)];
    String right = example.reference();
    String wrong =
        Sudoku4Task.rows(wrongGrid(puzzle, solution, kind, new Random(seed * 31 + index)));
    String judged = correct ? right : wrong;
    String verdict = correct ? "correct" : "incorrect";
    return switch (style) {
      case MULTIPLE_CHOICE ->
        new VerificationDocument(
            style,
            formats.multipleChoice(example, judged),
            correct ? formats.correctWord() : formats.incorrectWord(),
            correct);
      case COT_BINARY ->
        new VerificationDocument(
            style,
            formats.cotBinary(example, judged),
            " " + Sudoku4Judge.rederive(puzzle, judged) + "\nVerdict: " + verdict,
            correct);
      case COT_SCORE ->
        new VerificationDocument(
            style,
            formats.cotScore(example, judged),
            " " + Sudoku4Judge.rederive(puzzle, judged) + "\nScore: " + (correct ? 10 : 1),
            correct);
      case PAIRWISE -> {
        String a = correct ? right : wrong;
        String b = correct ? wrong : right;
        yield new VerificationDocument(
            style,
            formats.pairwise(example, a, b),
            " Answer A: " + Sudoku4Judge.check(puzzle, a) + " Answer B: "
                + Sudoku4Judge.check(puzzle, b) + "\nBetter: " + (correct ? "A" : "B"),
            correct);
      }
    };
  }

  /** Verification documents 0 to {@code count - 1} of a seed. */
  public List<VerificationDocument> verificationDocuments(long seed, int count) {
    List<VerificationDocument> documents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      documents.add(verificationDocument(seed, i));
    }
    return documents;
  }

  /**
   * A wrong grid of the given kind for a puzzle and its solution, always different from the solution.
   * A kind that the puzzle cannot have (no row with two empty cells, no empty cell, as with many extra
   * givens) falls back to the next one that it can.
   */
  static String wrongGrid(String puzzle, String solution, WrongKind kind, Random random) {
    char[] grid = solution.toCharArray();
    List<Integer> empty = new ArrayList<>();
    List<Integer> given = new ArrayList<>();
    for (int cell = 0; cell < 16; cell++) {
      (puzzle.charAt(cell) == '.' ? empty : given).add(cell);
    }
    switch (kind) {
      case SWAPPED_IN_ROW -> {
        List<int[]> pairs = new ArrayList<>();
        for (int a : empty) {
          for (int b : empty) {
            if (a < b && a / 4 == b / 4) {
              pairs.add(new int[] {a, b});
            }
          }
        }
        if (pairs.isEmpty()) {
          return wrongGrid(puzzle, solution, WrongKind.CHANGED_DIGIT, random);
        }
        int[] pair = pairs.get(random.nextInt(pairs.size()));
        grid[pair[0]] = solution.charAt(pair[1]);
        grid[pair[1]] = solution.charAt(pair[0]);
        return new String(grid);
      }
      case CHANGED_DIGIT, OVERWRITTEN_GIVEN -> {
        List<Integer> cells = kind == WrongKind.CHANGED_DIGIT ? empty : given;
        if (cells.isEmpty()) {
          return wrongGrid(puzzle, solution, WrongKind.OVERWRITTEN_GIVEN, random);
        }
        int cell = cells.get(random.nextInt(cells.size()));
        // one of the three other digits
        grid[cell] = (char) ('1' + (solution.charAt(cell) - '1' + 1 + random.nextInt(3)) % 4);
        return new String(grid);
      }
      case OTHER_GRID -> {
        List<String> all = Sudoku4Grids.all();
        // a draw over the 287 other positions, stepping over the solution's own: uniform over the
        // other grids
        int drawn = random.nextInt(all.size() - 1);
        return all.get(drawn >= all.indexOf(solution) ? drawn + 1 : drawn);
      }
      default -> throw new IllegalStateException("unknown kind " + kind);
    }
  }
}
