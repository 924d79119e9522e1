package io.gvgap.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.train.Trainer;
import io.gvgap.onnx.train.TrainerOptions;
import io.gvgap.onnx.train.TrainingExample;
import io.gvgap.onnx.train.TrainingResult;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pre-trains members of the built-in family and writes their model directories with full model
 * cards (held-out accuracy included). Entry point of {@code gvgap models pretrain}; also runnable as
 * {@code java -cp ... io.gvgap.models.PretrainRunner --out models [--threads 2] [--steps N] NAME...}.
 */
public final class PretrainRunner {
  /** Held-out seed the model cards report (its problems never occur in the training corpus). */
  public static final long EVALUATION_SEED = 0;
  /** Held-out problems evaluated for a card. */
  public static final int EVALUATION_PROBLEMS = 100;
  /** Samples per problem at temperature 0.7 for a card. */
  public static final int EVALUATION_SAMPLES = 4;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PretrainRunner() {
  }

  /**
   * Pre-trains one member into {@code modelsDirectory/<name>} (resuming from its checkpoint when one
   * is there), evaluates it on held-out problems and writes its card. Returns the card.
   */
  public static ObjectNode run(FamilyMember member, Path modelsDirectory, int threads, Consumer<String> log)
      throws Exception {
    ArithmeticOptions options = new ArithmeticOptions();
    ArithmeticPretrainingCorpus corpus = new ArithmeticPretrainingCorpus(options);
    List<TrainingExample> examples = new ArrayList<>(corpus.solvedProblems(member.documents(),
        member.problemsPerDocument()));
    examples.addAll(corpus.verification(member.verificationDocuments()));
    DecoderConfig config = member.config();
    CharVocabulary vocabulary = CharVocabulary.printableAscii();
    TrainerOptions trainerOptions = new TrainerOptions(member.rowsPerBatch(), member.steps(),
        member.peakLearningRate(), Math.max(1, member.steps() / 20), 0.1, 1.0, member.seed(), 100, threads, "cpu");
    Trainer trainer = new Trainer(config, vocabulary, DecoderParameters.random(config, member.seed()), examples,
        trainerOptions);
    Path directory = modelsDirectory.resolve(member.name());
    String recipe = "pre-trained by gvgap (io.gvgap.models.PretrainRunner) on the arithmetic task's corpus (digits "
        + options.digits() + ", operations " + options.operations() + "): " + member.documents() + " documents of "
        + member.problemsPerDocument() + " solved problems in the 3-shot prompt layout, " + member.verificationDocuments()
        + " verification documents, training seeds from " + ArithmeticPretrainingCorpus.FIRST_TRAINING_SEED
        + ", held-out expressions of seeds " + ArithmeticPretrainingCorpus.HELD_OUT_SEEDS + " (first "
        + ArithmeticPretrainingCorpus.HELD_OUT_COUNT + " each) excluded";
    long start = System.nanoTime();
    long[] lastLog = {0};
    TrainingResult result = trainer.train(directory, Map.of("recipe", recipe), progress -> {
      if (progress.step() == 1 || progress.step() % 25 == 0 || progress.step() == progress.totalSteps()) {
        log.accept(member.name() + " " + progress.line());
      }
      lastLog[0] = progress.step();
    });
    double trainingSeconds = (System.nanoTime() - start) / 1e9;
    log.accept(member.name() + " trained: " + result.steps() + " steps, " + result.tokensSeen() + " tokens, loss "
        + result.finalLoss() + "; evaluating on held-out seed " + EVALUATION_SEED);
    HeldOutEvaluation.Result evaluation = HeldOutEvaluation.evaluate(directory, options, EVALUATION_SEED,
        EVALUATION_PROBLEMS, EVALUATION_SAMPLES, threads);
    ObjectNode card = writeCard(directory, member, config, result, evaluation, recipe, trainerOptions, trainingSeconds);
    log.accept(member.name() + " card: " + card);
    return card;
  }

  private static ObjectNode writeCard(Path directory, FamilyMember member, DecoderConfig config, TrainingResult result,
      HeldOutEvaluation.Result evaluation, String recipe, TrainerOptions options, double seconds) throws Exception {
    long parameters = DecoderParameters.count(config);
    ObjectNode card = JSON.createObjectNode();
    card.put("name", member.name());
    card.put("architecture", "gvgap decoder (GPT-2 style), character vocabulary (printable ASCII)");
    card.put("parameters", parameters);
    card.put("layers", config.layers());
    card.put("width", config.width());
    card.put("heads", config.heads());
    card.put("contextLength", config.contextLength());
    card.put("vocabSize", config.vocabSize());
    card.put("tokensSeen", result.tokensSeen());
    card.put("pretrainingFlops", 6.0 * parameters * result.tokensSeen());
    card.put("pretrainingFlopsDefinition", "6 * parameters * tokensSeen");
    card.put("steps", result.steps());
    card.put("finalLoss", result.finalLoss());
    card.put("finalLossDefinition", "mean over the last 50 steps of the batch's mean token cross-entropy (nats)");
    card.put("seed", member.seed());
    card.put("recipe", recipe);
    card.put("trainerOptions", options.toString());
    card.put("trainingSeconds", Math.round(seconds));
    ObjectNode heldOut = card.putObject("heldOutAccuracy");
    heldOut.put("task", "arithmetic (default options: 2 digits, + and -, 3-shot prompt)");
    heldOut.put("seed", EVALUATION_SEED);
    heldOut.put("problems", evaluation.problems());
    heldOut.put("greedy", evaluation.greedyAccuracy());
    heldOut.put("temperature0_7", evaluation.sampledAccuracy());
    heldOut.put("samplesPerProblemAtTemperature0_7", evaluation.samplesPerProblem());
    heldOut.put("distinctSampleFraction", evaluation.distinctSampleFraction());
    heldOut.put("definition", "mean utility of the arithmetic task (1 when the last 'Answer: n' equals the value)");
    JSON.writeValue(directory.resolve(ModelDirectory.MODEL_CARD_FILE).toFile(), card);
    return card;
  }

  /** Command line: {@code --out DIR [--threads N] [--steps N] NAME...} (no names: the whole family). */
  public static void main(String[] args) throws Exception {
    Path out = Path.of("models");
    int threads = 2;
    Integer steps = null;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--steps" -> steps = Integer.parseInt(args[++i]);
        default -> names.add(args[i]);
      }
    }
    List<FamilyMember> members = new ArrayList<>();
    if (names.isEmpty()) {
      members.addAll(ModelFamily.MEMBERS);
    }
    for (String name : names) {
      members.add(ModelFamily.named(name).orElseThrow(() -> new IllegalArgumentException("unknown family member '"
          + name + "'; members are " + ModelFamily.MEMBERS.stream().map(FamilyMember::name).toList())));
    }
    Map<String, ObjectNode> cards = new LinkedHashMap<>();
    for (FamilyMember member : members) {
      FamilyMember chosen = steps == null ? member : member.withSteps(steps);
      cards.put(chosen.name(), run(chosen, out, threads, line -> System.out.println(line)));
    }
  }
}
