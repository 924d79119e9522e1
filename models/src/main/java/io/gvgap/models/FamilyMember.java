package io.gvgap.models;

import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import java.util.List;

/**
 * One size of the built-in family and its pre-training recipe: a model shape and one or more
 * training stages, each continuing from the previous stage's weights with a fresh warm-up + cosine
 * schedule.
 *
 * @param name directory name under {@code models/}
 * @param layers transformer blocks
 * @param width model width
 * @param heads attention heads
 * @param contextLength tokens of context (the arithmetic task's 3-shot prompt plus a solution needs about 480; a
 *     zero-shot Sudoku verification document up to 690)
 * @param problemsPerDocument solved problems (or puzzles) per document, in the few-shot prompt layout
 * @param seed seed of the initialisation and (plus the stage index) of each stage's batch order
 * @param stages the training stages, in order
 * @param task the task whose corpus the member is trained on and evaluated with: {@value #ARITHMETIC},
 *     {@value #ARITHMETIC_MIX} or {@value #SUDOKU4}
 */
public record FamilyMember(
    String name,
    int layers,
    int width,
    int heads,
    int contextLength,
    int problemsPerDocument,
    long seed,
    List<Stage> stages,
    String task) {

  /** The {@code arithmetic} task: the corpus of the first family. */
  public static final String ARITHMETIC = "arithmetic";
  /**
   * The {@code arithmetic} task with family v4's harder mix ({@link #ARITHMETIC_MIX_OPTIONS}): operands
   * of one or two digits, addition, subtraction and multiplication.
   */
  public static final String ARITHMETIC_MIX = "arithmetic-mix";

  /**
   * The options of {@link #ARITHMETIC_MIX}: each problem has two operands of 1 or 2 digits (drawn
   * uniformly per problem) and one of {@code + - *}; the 3-shot prompt plus the longest solution (a
   * two-digit product, 286 characters) fits a 640-token context; family v4 has 1,024 tokens so that its
   * zero-shot verification prompts fit whole too.
   */
  public static final ArithmeticOptions ARITHMETIC_MIX_OPTIONS =
      new ArithmeticOptions(2, "+-*", 2, 500, 3, 2, 1);

  /** The {@code sudoku4} task: 4x4 Sudoku puzzles. */
  public static final String SUDOKU4 = "sudoku4";

  /**
   * One training stage.
   *
   * @param documents pre-training documents (corpus documents 0 to documents − 1)
   * @param rowsPerBatch sequences per step
   * @param steps optimizer steps
   * @param peakLearningRate AdamW peak learning rate
   * @param fewShotShare share of documents in the task's exact few-shot prompt layout (see
   *     {@link ArithmeticPretrainingCorpus#mixed})
   * @param verificationShare share of documents that are labelled verification texts in the
   *     zero-shot formats of gvgap's verifiers (see {@link ArithmeticPretrainingCorpus#stage})
   * @param drillShare share of documents that are drills of single column steps, the digit facts
   *     the solutions are built from (see {@link ArithmeticPretrainingCorpus#drill})
   */
  public record Stage(
      int documents,
      int rowsPerBatch,
      int steps,
      double peakLearningRate,
      double fewShotShare,
      double verificationShare,
      double drillShare) {

    /** Checks the shares. */
    public Stage {
      if (fewShotShare < 0
          || verificationShare < 0
          || drillShare < 0
          || fewShotShare + verificationShare + drillShare > 1 + 1e-9) {
        throw new IllegalArgumentException(
            "stage shares must be >= 0 and sum to at most 1, got few-shot " + fewShotShare
                + ", verification " + verificationShare + " and drill " + drillShare);
      }
    }

    /** A stage without drill documents. */
    public Stage(
        int documents,
        int rowsPerBatch,
        int steps,
        double peakLearningRate,
        double fewShotShare,
        double verificationShare) {
      this(documents, rowsPerBatch, steps, peakLearningRate, fewShotShare, verificationShare, 0);
    }
  }

  /** Copies the stage list and checks the task. */
  public FamilyMember {
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException(
          "family member " + name + " needs at least one training stage");
    }
    if (!ARITHMETIC.equals(task) && !ARITHMETIC_MIX.equals(task) && !SUDOKU4.equals(task)) {
      throw new IllegalArgumentException("family member " + name + " has task '" + task
          + "'; a member is trained on " + ARITHMETIC + ", " + ARITHMETIC_MIX + " or " + SUDOKU4);
    }
  }

  /** A member trained on the {@code arithmetic} task (the first family's recipe). */
  public FamilyMember(
      String name,
      int layers,
      int width,
      int heads,
      int contextLength,
      int problemsPerDocument,
      long seed,
      List<Stage> stages) {
    this(name, layers, width, heads, contextLength, problemsPerDocument, seed, stages, ARITHMETIC);
  }

  /** Whether the member is trained on arithmetic ({@link #ARITHMETIC} or {@link #ARITHMETIC_MIX}). */
  public boolean isArithmetic() {
    return ARITHMETIC.equals(task) || ARITHMETIC_MIX.equals(task);
  }

  /**
   * The options of the {@code arithmetic} task this member is trained on and evaluated with: the
   * defaults for {@link #ARITHMETIC}, {@link #ARITHMETIC_MIX_OPTIONS} for {@link #ARITHMETIC_MIX}.
   */
  public ArithmeticOptions arithmeticOptions() {
    if (ARITHMETIC_MIX.equals(task)) {
      return ARITHMETIC_MIX_OPTIONS;
    }
    if (ARITHMETIC.equals(task)) {
      return new ArithmeticOptions();
    }
    throw new IllegalStateException("family member " + name + " is not trained on arithmetic");
  }

  /** The decoder config (printable-ASCII character vocabulary, GPT-2 layout). */
  public DecoderConfig config() {
    return DecoderConfig.gpt2Like(
        CharVocabulary.printableAscii().size(), contextLength, layers, width, heads);
  }
}
