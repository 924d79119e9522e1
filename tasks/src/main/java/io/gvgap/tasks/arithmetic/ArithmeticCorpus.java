package io.gvgap.tasks.arithmetic;

import io.gvgap.api.task.Example;
import io.gvgap.api.task.VerificationFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training text for the built-in models, from the same problem distribution as the
 * {@code arithmetic} task: solved problems for pre-training, and labelled verification documents
 * (correct solutions and solutions with one slipped column) in the task's four verification formats.
 *
 * <p>Document {@code i} of a seed depends on the options, the seed and {@code i} alone. Problem
 * {@code i} of a seed is the task's example {@code i} of that seed: train on seeds you do not
 * evaluate on.
 */
public final class ArithmeticCorpus {

  private final ArithmeticOptions options;
  private final ArithmeticTask task;
  private final VerificationFormats formats;

  /** A corpus of problems as the task with these options generates them. */
  public ArithmeticCorpus(ArithmeticOptions options) {
    this.options = options;
    this.task = new ArithmeticTask(options);
    this.formats = task.verification();
  }

  /** Pre-training document {@code index}: "Question: What is 47+85?\nSolution:\n...\nAnswer: 132\n". */
  public String solvedProblem(long seed, long index) {
    return ArithmeticTask.solvedProblem(task.example(seed, index));
  }

  /** Pre-training documents 0 to {@code count - 1} of a seed. */
  public List<String> pretrainingDocuments(long seed, int count) {
    List<String> documents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      documents.add(solvedProblem(seed, i));
    }
    return documents;
  }

  /**
   * Verification document {@code index} of a seed. Styles cycle with the index (multiple choice,
   * CoT-Binary, CoT-Score, pairwise) and the judged response is correct for indices whose
   * {@code index / 4} is even, so every run of 8 documents is balanced.
   */
  public VerificationDocument verificationDocument(long seed, long index) {
    VerificationStyle style = VerificationStyle.values()[(int) Math.floorMod(index, 4L)];
    boolean correct = Math.floorMod(index / 4, 2L) == 0;
    Example example = task.example(seed, index);
    ArithmeticProblem problem = ArithmeticProblem.generate(options, seed, index);
    SolutionWriter.Solution right = SolutionWriter.write(problem);
    SolutionWriter.Solution wrong = ArithmeticTask.withSlip(problem, new Random(seed * 31 + index));
    SolutionWriter.Solution judged = correct ? right : wrong;
    String verdict = correct ? "correct" : "incorrect";
    return switch (style) {
      case MULTIPLE_CHOICE ->
        new VerificationDocument(
            style,
            formats.multipleChoice(example, judged.text()),
            correct ? formats.correctWord() : formats.incorrectWord(),
            correct);
      case COT_BINARY ->
        new VerificationDocument(
            style,
            formats.cotBinary(example, judged.text()),
            " " + ArithmeticJudge.rederive(judged) + "\nVerdict: " + verdict,
            correct);
      case COT_SCORE ->
        new VerificationDocument(
            style,
            formats.cotScore(example, judged.text()),
            " " + ArithmeticJudge.rederive(judged) + "\nScore: " + (correct ? 10 : 1),
            correct);
      case PAIRWISE -> {
        SolutionWriter.Solution a = correct ? right : wrong;
        SolutionWriter.Solution b = correct ? wrong : right;
        yield new VerificationDocument(
            style,
            formats.pairwise(example, a.text(), b.text()),
            " Answer A: " + ArithmeticJudge.check(a) + " Answer B: " + ArithmeticJudge.check(b)
                + "\nBetter: " + (correct ? "A" : "B"),
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
}
