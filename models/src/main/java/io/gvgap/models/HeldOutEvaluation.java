package io.gvgap.models;

import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.tasks.arithmetic.ArithmeticCorpus;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import io.gvgap.tasks.arithmetic.ArithmeticTask;
import java.nio.file.Path;
import java.util.List;

/**
 * Held-out accuracy of a model on the {@code arithmetic} task, scored by the task's own answer
 * extraction and utility, with the task's own few-shot generation prompt; the same on the easy
 * problems among them; and the model's accuracy as a multiple-choice judge of held-out solutions.
 */
public final class HeldOutEvaluation {
  /**
   * The figures of one evaluation.
   *
   * @param problems problems evaluated
   * @param greedyAccuracy mean utility of the greedy completions
   * @param sampledAccuracy mean utility of the samples at temperature 0.7 (top-p 1)
   * @param samplesPerProblem samples drawn per problem at temperature 0.7
   * @param distinctSampleFraction mean over problems of (distinct sample texts / samples)
   * @param easyProblems how many of the problems are easy (see {@link #isEasy})
   * @param easyGreedyAccuracy mean utility of the greedy completions on the easy problems (NaN if none)
   * @param judgedSolutions held-out solutions judged (half right, half with one wrong digit)
   * @param judgeAccuracy share of judged solutions where the model puts more probability on the right
   *     verdict word than on the wrong one, in the task's zero-shot multiple-choice format
   * @param maxNewTokens the generation limit ({@link #maxNewTokens})
   */
  public record Result(
      int problems,
      double greedyAccuracy,
      double sampledAccuracy,
      int samplesPerProblem,
      double distinctSampleFraction,
      int easyProblems,
      double easyGreedyAccuracy,
      int judgedSolutions,
      double judgeAccuracy,
      int maxNewTokens) {}

  /** Generation limit of the first families' cards (two-digit addition and subtraction). */
  static final int DEFAULT_MAX_NEW_TOKENS = 200;

  /**
   * The generation limit for these problems: {@value #DEFAULT_MAX_NEW_TOKENS}, or the longest
   * reference solution plus 40 characters where that is more (two-digit products need about 290).
   */
  public static int maxNewTokens(List<Example> examples) {
    int longest = 0;
    for (Example example : examples) {
      longest = Math.max(longest, example.reference().length());
    }
    return Math.max(DEFAULT_MAX_NEW_TOKENS, longest + 40);
  }

  /** The card's words for the task options, e.g. "arithmetic (default options: ...)". */
  public static String describe(ArithmeticOptions options) {
    if (options.equals(new ArithmeticOptions())) {
      return "arithmetic (default options: 2 digits, + and -, 3-shot prompt)";
    }
    return "arithmetic (digits "
        + ArithmeticPretraining.digits(options)
        + (options.fewestDigits() < options.digits() ? " per problem" : "")
        + ", operations " + options.operations() + ", " + options.terms() + " terms, "
        + options.shots() + "-shot prompt)";
  }

  private HeldOutEvaluation() {}

  /**
   * Whether a problem is easy: its column solution (the task's reference) has no carry, no borrow and
   * no negative result, so every written digit is one single-digit sum or difference of the operands'
   * digits.
   */
  public static boolean isEasy(Example example) {
    String reference = example.reference();
    return !reference.contains("carry 1")
        && !reference.contains("borrow 1")
        && !reference.contains("-(");
  }

  /**
   * Evaluates the model directory on the first {@code problems} problems of a held-out seed, and as a
   * judge on {@code problems} of that seed's verification documents in the multiple-choice style.
   */
  public static Result evaluate(
      Path modelDirectory,
      ArithmeticOptions options,
      long seed,
      int problems,
      int samplesPerProblem,
      int threads) {
    ArithmeticTask task = new ArithmeticTask(options);
    List<Example> examples = task.examples(new ExampleRequest(problems, seed));
    int maxNewTokens = maxNewTokens(examples);
    try (OnnxLanguageModel model = OnnxLanguageModel.open(modelDirectory, threads, "cpu", 64)) {
      HeldOutSamples.Figures figures =
          HeldOutSamples.score(model, task, examples, samplesPerProblem, maxNewTokens, seed);
      double easyTotal = 0;
      int easy = 0;
      for (HeldOutSamples.Scored scored : figures.examples()) {
        if (isEasy(scored.example())) {
          easy++;
          easyTotal += scored.greedyUtility();
        }
      }
      double judge = judgeAccuracy(model, options, seed, problems);
      return new Result(
          examples.size(),
          figures.greedyAccuracy(),
          figures.sampledAccuracy(),
          samplesPerProblem,
          figures.distinctSampleFraction(),
          easy,
          easy == 0 ? Double.NaN : easyTotal / easy,
          problems,
          judge,
          maxNewTokens);
    }
  }

  /**
   * Multiple-choice judging accuracy on the seed's verification documents 0, 4, 8, ... (the
   * corpus's multiple-choice ones; right and wrong judged solutions alternate), zero-shot prompts.
   */
  private static double judgeAccuracy(
      OnnxLanguageModel model, ArithmeticOptions options, long seed, int count) {
    ArithmeticOptions zeroShot = options.withVerificationShots(0);
    ArithmeticCorpus corpus = new ArithmeticCorpus(zeroShot);
    return MultipleChoiceJudging.accuracy(
        model,
        index -> corpus.verificationDocument(seed, index),
        new ArithmeticTask(zeroShot).verification(),
        count);
  }
}
