package io.gvgap.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.train.Trainer;
import io.gvgap.onnx.train.TrainerOptions;
import io.gvgap.onnx.train.TrainingExample;
import io.gvgap.onnx.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pre-trains members of the built-in family and writes their model directories with full model
 * cards (held-out accuracy included); each member's task ({@link FamilyMember#task()}) gives its
 * corpus, its recipe's words and its held-out evaluation. Entry point of
 * {@code gvgap models pretrain}; also runnable as
 * {@code java -cp ... io.gvgap.models.PretrainRunner --out models [--threads 2] NAME...}.
 */
public final class PretrainRunner {
  /** Held-out seed the model cards report (its problems never occur in the training corpus). */
  public static final long EVALUATION_SEED = 0;
  /** Held-out problems evaluated for a card. */
  public static final int EVALUATION_PROBLEMS = 200;
  /** Samples per problem at temperature 0.7 for a card. */
  public static final int EVALUATION_SAMPLES = 4;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PretrainRunner() {}

  /**
   * Pre-trains one member into {@code modelsDirectory/<name>} (resuming from its checkpoint when one
   * is there), evaluates it on held-out problems and writes its card. Returns the card.
   */
  public static ObjectNode run(
      FamilyMember member, Path modelsDirectory, int threads, Consumer<String> log)
      throws Exception {
    return run(member, modelsDirectory, threads, EVALUATION_PROBLEMS, log);
  }

  /** As {@link #run(FamilyMember, Path, int, Consumer)}, with the card evaluated on {@code evaluationProblems} problems. */
  static ObjectNode run(
      FamilyMember member,
      Path modelsDirectory,
      int threads,
      int evaluationProblems,
      Consumer<String> log)
      throws Exception {
    PretrainingTask task = PretrainingTask.of(member);
    DecoderConfig config = member.config();
    CharVocabulary vocabulary = CharVocabulary.printableAscii();
    Map<String, float[]> parameters = DecoderParameters.random(config, member.seed());
    long tokensSeen = 0;
    long steps = 0;
    double finalLoss = Double.NaN;
    double trainingSeconds = 0;
    Path directory = modelsDirectory.resolve(member.name());
    TrainerOptions last = null;
    long lastStageTokens = 0;
    double lastStageSeconds = 0;
    // A finished later stage (its directory complete) makes the earlier ones unnecessary: start
    // after
    // the last finished stage, from its weights and its cumulative counts (its card carries them).
    int first = 0;
    for (int k = member.stages().size() - 2; k >= 0; k--) {
      Path finished = earlierStage(modelsDirectory, member, k);
      if (isComplete(finished, member.stages().get(k).steps())) {
        ModelCard card = ModelDirectory.readCard(finished);
        log.accept(member.name() + ": stages 1 to " + (k + 1) + " already trained (" + finished
            + "), continuing from it");
        parameters = ModelDirectory.readParameters(finished);
        tokensSeen = card.tokensSeen() == null ? 0 : card.tokensSeen();
        steps = card.steps() == null ? 0 : card.steps();
        finalLoss = card.finalLoss() == null ? Double.NaN : card.finalLoss();
        trainingSeconds = card.trainingSeconds() == null ? 0 : card.trainingSeconds();
        first = k + 1;
        break;
      }
    }
    for (int k = 0; k < member.stages().size(); k++) {
      FamilyMember.Stage stage = member.stages().get(k);
      if (k < first) {
        continue;
      }
      boolean finalStage = k == member.stages().size() - 1;
      Path stageDirectory = finalStage ? directory : earlierStage(modelsDirectory, member, k);
      List<TrainingExample> examples = task.stage(member, stage);
      TrainerOptions trainerOptions = new TrainerOptions(
          stage.rowsPerBatch(),
          stage.steps(),
          stage.peakLearningRate(),
          Math.max(1, stage.steps() / 20),
          0.1,
          1.0,
          member.seed() + k,
          100,
          threads,
          "cpu");
      last = trainerOptions;
      Trainer trainer = new Trainer(config, vocabulary, parameters, examples, trainerOptions);
      long start = System.nanoTime();
      String label = member.name() + " stage " + (k + 1);
      TrainingResult result =
          trainer.train(stageDirectory, ModelCard.ofRecipe(recipe(member, k + 1)), progress -> {
            if (progress.step() == 1
                || progress.step() % 25 == 0
                || progress.step() == progress.totalSteps()) {
              log.accept(label + " " + progress.line());
            }
          });
      trainingSeconds += (System.nanoTime() - start) / 1e9;
      lastStageTokens = result.tokensSeen();
      lastStageSeconds = (System.nanoTime() - start) / 1e9;
      parameters = ModelDirectory.readParameters(stageDirectory);
      tokensSeen += result.tokensSeen();
      steps += result.steps();
      finalLoss = result.finalLoss();
      if (!finalStage) {
        markStageComplete(
            stageDirectory,
            stage.steps(),
            lastStageTokens,
            lastStageSeconds,
            tokensSeen,
            steps,
            trainingSeconds);
      }
    }
    log.accept(member.name() + " trained: " + steps + " steps, " + tokensSeen + " tokens, loss "
        + finalLoss + "; evaluating on held-out seed " + EVALUATION_SEED);
    ObjectNode heldOut = task.evaluate(directory, evaluationProblems, threads);
    ObjectNode card = writeCard(
        directory,
        member,
        config,
        new TrainingResult(directory, steps, tokensSeen, finalLoss, 0),
        heldOut,
        recipe(member, member.stages().size()),
        last,
        trainingSeconds,
        member.stages().get(member.stages().size() - 1).steps(),
        lastStageTokens,
        lastStageSeconds);
    log.accept(member.name() + " card: " + card);
    return card;
  }

  /**
   * Adds to an earlier stage's card (the trainer's) this stage's own figures and the cumulative ones,
   * which {@link #isComplete} and a later rerun that continues from this stage read.
   */
  private static void markStageComplete(
      Path stageDirectory,
      long stageSteps,
      long stageTokens,
      double stageSeconds,
      long tokensSeen,
      long steps,
      double trainingSeconds)
      throws java.io.IOException {
    ModelCard card = ModelDirectory.readCard(stageDirectory)
        .withStage(
            tokensSeen,
            steps,
            Math.round(trainingSeconds),
            stageSteps,
            stageTokens,
            Math.round(stageSeconds));
    JSON.writeValue(stageDirectory.resolve(ModelDirectory.MODEL_CARD_FILE).toFile(), card);
  }

  /** Where stage {@code k} (0-based) of a member goes when it is not the last: {@code <name>.stage-<k+1>}. */
  private static Path earlierStage(Path modelsDirectory, FamilyMember member, int k) {
    return modelsDirectory.resolve(member.name() + ".stage-" + (k + 1));
  }

  /**
   * The recipe words a member's card carries (its {@code recipe} field): initialisation, corpus,
   * optimiser and every stage. A test holds each committed model directory's card to them.
   */
  public static String recipe(FamilyMember member) {
    return recipe(member, member.stages().size());
  }

  /** The recipe words through the first {@code stages} stages (an earlier stage's card carries these). */
  static String recipe(FamilyMember member, int stages) {
    PretrainingTask task = PretrainingTask.of(member);
    StringBuilder recipe = new StringBuilder(
        "pre-trained by gvgap (io.gvgap.models.PretrainRunner) from GPT-2-style "
            + "random initialisation (seed " + member.seed() + ") on "
            + task.corpusDescription(member)
            + "; AdamW betas 0.9/0.95, weight decay 0.1, clip 1.0, warm-up 5 % then cosine to 10 %");
    for (int k = 0; k < stages; k++) {
      appendStage(recipe, k, member.stages().get(k), task.promptLayout());
    }
    return recipe.toString();
  }

  private static void appendStage(
      StringBuilder recipe, int k, FamilyMember.Stage stage, String promptLayout) {
    recipe
        .append("; stage ")
        .append(k + 1)
        .append(": ")
        .append(stage.documents())
        .append(" documents, ")
        .append(stage.steps())
        .append(" steps of ")
        .append(stage.rowsPerBatch())
        .append(" rows, peak learning rate ")
        .append(stage.peakLearningRate())
        .append(", share of documents in the task's ")
        .append(promptLayout)
        .append(" prompt layout ")
        .append(stage.fewShotShare())
        .append(", share of labelled zero-shot verification documents ")
        .append(stage.verificationShare());
    if (stage.drillShare() > 0) {
      recipe.append(", share of column-step drill documents ").append(stage.drillShare());
    }
  }

  /** Whether a stage directory holds a finished model of that many steps (its card says so, no checkpoints left). */
  private static boolean isComplete(Path stageDirectory, int steps) throws java.io.IOException {
    Path card = stageDirectory.resolve(ModelDirectory.MODEL_CARD_FILE);
    return java.nio.file.Files.isRegularFile(card)
        && !java.nio.file.Files.exists(
            stageDirectory.resolve(io.gvgap.onnx.train.Checkpoints.FOLDER))
        && Long.valueOf(steps).equals(ModelDirectory.readCard(stageDirectory).lastStageSteps());
  }

  private static ObjectNode writeCard(
      Path directory,
      FamilyMember member,
      DecoderConfig config,
      TrainingResult result,
      ObjectNode heldOut,
      String recipe,
      TrainerOptions options,
      double seconds,
      long stageSteps,
      long stageTokens,
      double stageSeconds)
      throws Exception {
    long parameters = DecoderParameters.count(config);
    @SuppressWarnings("unchecked")
    Map<String, Object> measured = JSON.convertValue(heldOut, Map.class);
    // the last stage's own figures, so that a longer recipe can reuse this directory as an earlier
    // stage
    ModelCard card = ModelCard.ofRecipe(recipe)
        .withShape(
            "gvgap decoder (GPT-2 style), character vocabulary (printable ASCII)",
            parameters,
            config.layers(),
            config.width(),
            config.heads(),
            config.contextLength(),
            config.vocabSize())
        .withPretraining(
            member.name(),
            6.0 * parameters * result.tokensSeen(),
            result.finalLoss(),
            "mean over the last 50 steps of the batch's mean token cross-entropy (nats)",
            options.toString(),
            member.seed(),
            measured)
        .withStage(
            result.tokensSeen(),
            result.steps(),
            Math.round(seconds),
            stageSteps,
            stageTokens,
            Math.round(stageSeconds));
    JSON.writeValue(directory.resolve(ModelDirectory.MODEL_CARD_FILE).toFile(), card);
    return JSON.valueToTree(card);
  }
}
