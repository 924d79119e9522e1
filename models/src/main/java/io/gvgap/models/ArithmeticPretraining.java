package io.gvgap.models;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.train.TrainingExample;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Pre-training on the {@code arithmetic} task: the corpus and card of the first families (default
 * options) and of family v4 (its harder mix, {@link FamilyMember#ARITHMETIC_MIX_OPTIONS}).
 */
final class ArithmeticPretraining implements PretrainingTask {
  private final ArithmeticOptions options;
  private ArithmeticPretrainingCorpus corpus;

  ArithmeticPretraining(ArithmeticOptions options) {
    this.options = options;
  }

  @Override
  public String corpusDescription(FamilyMember member) {
    return "the arithmetic task's corpus (digits "
        + digits(options)
        + ", operations "
        + options.operations()
        + ", documents of " + member.problemsPerDocument()
        + " solved problems in the 3-shot prompt layout, training"
        + " seeds from " + ArithmeticPretrainingCorpus.FIRST_TRAINING_SEED
        + ", expressions of held-out seeds "
        + ArithmeticPretrainingCorpus.HELD_OUT_SEEDS + " (first "
        + ArithmeticPretrainingCorpus.HELD_OUT_COUNT
        + " each) excluded"
        + (options.fewestDigits() == 1
            ? " except single-digit problems, the digit facts every solution's columns write"
            : "")
        + ")";
  }

  /** The operands' digits in the recipe's and card's words: "2", or "1 to 2" for a mix. */
  static String digits(ArithmeticOptions options) {
    return options.fewestDigits() < options.digits()
        ? options.fewestDigits() + " to " + options.digits()
        : String.valueOf(options.digits());
  }

  @Override
  public String promptLayout() {
    return "3-shot";
  }

  @Override
  public List<TrainingExample> stage(FamilyMember member, FamilyMember.Stage stage) {
    if (corpus == null) {
      corpus = new ArithmeticPretrainingCorpus(options);
    }
    return corpus.stage(
        stage.documents(),
        member.problemsPerDocument(),
        stage.fewShotShare(),
        stage.verificationShare(),
        stage.drillShare());
  }

  @Override
  public ObjectNode evaluate(Path directory, int problems, int threads) {
    HeldOutEvaluation.Result evaluation = HeldOutEvaluation.evaluate(
        directory,
        options,
        PretrainRunner.EVALUATION_SEED,
        problems,
        PretrainRunner.EVALUATION_SAMPLES,
        threads);
    ObjectNode heldOut = JsonNodeFactory.instance.objectNode();
    heldOut.put("task", HeldOutEvaluation.describe(options));
    heldOut.put("maxNewTokens", evaluation.maxNewTokens());
    heldOut.put("seed", PretrainRunner.EVALUATION_SEED);
    heldOut.put("problems", evaluation.problems());
    heldOut.put("greedy", evaluation.greedyAccuracy());
    heldOut.put("temperature0_7", evaluation.sampledAccuracy());
    heldOut.put("samplesPerProblemAtTemperature0_7", evaluation.samplesPerProblem());
    heldOut.put("distinctSampleFraction", evaluation.distinctSampleFraction());
    heldOut.put(
        "definition",
        "mean utility of the arithmetic task (1 when the last 'Answer: n' equals the value)");
    heldOut.put("easyProblems", evaluation.easyProblems());
    heldOut.put("easyGreedy", evaluation.easyGreedyAccuracy());
    heldOut.put(
        "easyDefinition",
        "greedy accuracy on the problems whose column solution has no carry, no borrow and "
            + "no negative result");
    heldOut.put("judgedSolutions", evaluation.judgedSolutions());
    heldOut.put("judgeAccuracy", evaluation.judgeAccuracy());
    heldOut.put(
        "judgeDefinition",
        "share of held-out solutions (half right, half with one wrong digit) where the "
            + "model gives the right verdict word more probability than the wrong one, zero-shot multiple-choice format");
    return heldOut;
  }
}
