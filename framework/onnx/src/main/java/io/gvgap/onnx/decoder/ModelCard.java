package io.gvgap.onnx.decoder;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model directory's card, {@code gvgap-model.json}: what the model is and how it was made. The
 * one type that every writer (a new model, the trainer, checkpoints, the family's pre-training) and
 * every reader (the ONNX runtime, scaling studies) uses; numbers are JSON numbers. Fields a model
 * does not have are null and left out of the file.
 *
 * @param name the model's name (built-in family members) (null when not recorded)
 * @param architecture what the network is (null when not recorded)
 * @param initialisation how the weights were initialised, for a freshly initialised model (null when not recorded)
 * @param parameters parameter count (null when not recorded)
 * @param layers transformer layers (null when not recorded)
 * @param width model width (null when not recorded)
 * @param heads attention heads (null when not recorded)
 * @param contextLength maximum positions (null when not recorded)
 * @param vocabSize vocabulary size (null when not recorded)
 * @param tokensSeen tokens trained on (cumulative over stages) (null when not recorded)
 * @param pretrainingFlops pre-training FLOPs, {@code 6 * parameters * tokensSeen} (null when not recorded)
 * @param pretrainingFlopsDefinition how pretrainingFlops is computed (null when not recorded)
 * @param trainingFlops FLOPs of the training run that wrote this directory ({@code 6 * parameters * tokens})
 *     (null when not recorded)
 * @param steps optimizer steps (cumulative over stages) (null when not recorded)
 * @param finalLoss mean loss of the last steps (null when not recorded)
 * @param finalLossDefinition how finalLoss is computed (null when not recorded)
 * @param seed the seed of the initialisation or of the recipe (null when not recorded)
 * @param recipe how the model was made, in words (null when not recorded)
 * @param baseModel the model directory a distillation started from (null when not recorded)
 * @param trainerOptions the trainer's settings (null when not recorded)
 * @param trainingSeconds wall-clock seconds of training (cumulative) (null when not recorded)
 * @param lastStageSteps steps of the last pre-training stage (null when not recorded)
 * @param lastStageTokensSeen tokens of the last pre-training stage (null when not recorded)
 * @param lastStageTrainingSeconds seconds of the last pre-training stage (null when not recorded)
 * @param checkpointStep the step of a checkpoint directory (null when not recorded)
 * @param heldOutAccuracy measurements on held-out problems, each with its definition (null when not recorded)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(
    String name,
    String architecture,
    String initialisation,
    Long parameters,
    Integer layers,
    Integer width,
    Integer heads,
    Integer contextLength,
    Integer vocabSize,
    Long tokensSeen,
    Double pretrainingFlops,
    String pretrainingFlopsDefinition,
    Double trainingFlops,
    Long steps,
    Double finalLoss,
    String finalLossDefinition,
    Long seed,
    String recipe,
    String baseModel,
    String trainerOptions,
    Long trainingSeconds,
    Long lastStageSteps,
    Long lastStageTokensSeen,
    Long lastStageTrainingSeconds,
    Long checkpointStep,
    Map<String, Object> heldOutAccuracy) {

  /** A card with nothing recorded yet. */
  public static final ModelCard EMPTY = new ModelCard(
      null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null);

  /** Copies the measurements. */
  public ModelCard {
    heldOutAccuracy = heldOutAccuracy == null
        ? null
        : Collections.unmodifiableMap(new LinkedHashMap<>(heldOutAccuracy));
  }

  /** A card that says how the model was made. */
  public static ModelCard ofRecipe(String recipe) {
    return EMPTY.withRecipe(recipe);
  }

  /** This card with {@code recipe}. */
  public ModelCard withRecipe(String recipe) {
    return new ModelCard(
        name,
        architecture,
        initialisation,
        parameters,
        layers,
        width,
        heads,
        contextLength,
        vocabSize,
        tokensSeen,
        pretrainingFlops,
        pretrainingFlopsDefinition,
        trainingFlops,
        steps,
        finalLoss,
        finalLossDefinition,
        seed,
        recipe,
        baseModel,
        trainerOptions,
        trainingSeconds,
        lastStageSteps,
        lastStageTokensSeen,
        lastStageTrainingSeconds,
        checkpointStep,
        heldOutAccuracy);
  }

  /** This card with the network's shape (keeping an architecture text already given). */
  public ModelCard withShape(
      String defaultArchitecture,
      long parameters,
      int layers,
      int width,
      int heads,
      int contextLength,
      int vocabSize) {
    String architecture = this.architecture == null ? defaultArchitecture : this.architecture;
    return new ModelCard(
        name,
        architecture,
        initialisation,
        parameters,
        layers,
        width,
        heads,
        contextLength,
        vocabSize,
        tokensSeen,
        pretrainingFlops,
        pretrainingFlopsDefinition,
        trainingFlops,
        steps,
        finalLoss,
        finalLossDefinition,
        seed,
        recipe,
        baseModel,
        trainerOptions,
        trainingSeconds,
        lastStageSteps,
        lastStageTokensSeen,
        lastStageTrainingSeconds,
        checkpointStep,
        heldOutAccuracy);
  }

  /** This card with a fresh initialisation and its seed. */
  public ModelCard withInitialisation(String initialisation, long seed) {
    return new ModelCard(
        name,
        architecture,
        initialisation,
        parameters,
        layers,
        width,
        heads,
        contextLength,
        vocabSize,
        tokensSeen,
        pretrainingFlops,
        pretrainingFlopsDefinition,
        trainingFlops,
        steps,
        finalLoss,
        finalLossDefinition,
        seed,
        recipe,
        baseModel,
        trainerOptions,
        trainingSeconds,
        lastStageSteps,
        lastStageTokensSeen,
        lastStageTrainingSeconds,
        checkpointStep,
        heldOutAccuracy);
  }

  /** This card with the model a distillation started from. */
  public ModelCard withBaseModel(String baseModel) {
    return new ModelCard(
        name,
        architecture,
        initialisation,
        parameters,
        layers,
        width,
        heads,
        contextLength,
        vocabSize,
        tokensSeen,
        pretrainingFlops,
        pretrainingFlopsDefinition,
        trainingFlops,
        steps,
        finalLoss,
        finalLossDefinition,
        seed,
        recipe,
        baseModel,
        trainerOptions,
        trainingSeconds,
        lastStageSteps,
        lastStageTokensSeen,
        lastStageTrainingSeconds,
        checkpointStep,
        heldOutAccuracy);
  }

  /** This card with a training run's figures. */
  public ModelCard withTraining(
      long tokensSeen, double trainingFlops, long steps, double finalLoss, String trainerOptions) {
    return new ModelCard(
        name,
        architecture,
        initialisation,
        parameters,
        layers,
        width,
        heads,
        contextLength,
        vocabSize,
        tokensSeen,
        pretrainingFlops,
        pretrainingFlopsDefinition,
        trainingFlops,
        steps,
        finalLoss,
        finalLossDefinition,
        seed,
        recipe,
        baseModel,
        trainerOptions,
        trainingSeconds,
        lastStageSteps,
        lastStageTokensSeen,
        lastStageTrainingSeconds,
        checkpointStep,
        heldOutAccuracy);
  }

  /** This card as a checkpoint of {@code checkpointStep}. */
  public ModelCard withCheckpointStep(long checkpointStep) {
    return new ModelCard(
        name,
        architecture,
        initialisation,
        parameters,
        layers,
        width,
        heads,
        contextLength,
        vocabSize,
        tokensSeen,
        pretrainingFlops,
        pretrainingFlopsDefinition,
        trainingFlops,
        steps,
        finalLoss,
        finalLossDefinition,
        seed,
        recipe,
        baseModel,
        trainerOptions,
        trainingSeconds,
        lastStageSteps,
        lastStageTokensSeen,
        lastStageTrainingSeconds,
        checkpointStep,
        heldOutAccuracy);
  }

  /** This card with cumulative pre-training figures and the last stage's own. */
  public ModelCard withStage(
      long tokensSeen,
      long steps,
      long trainingSeconds,
      long lastStageSteps,
      long lastStageTokensSeen,
      long lastStageTrainingSeconds) {
    return new ModelCard(
        name,
        architecture,
        initialisation,
        parameters,
        layers,
        width,
        heads,
        contextLength,
        vocabSize,
        tokensSeen,
        pretrainingFlops,
        pretrainingFlopsDefinition,
        trainingFlops,
        steps,
        finalLoss,
        finalLossDefinition,
        seed,
        recipe,
        baseModel,
        trainerOptions,
        trainingSeconds,
        lastStageSteps,
        lastStageTokensSeen,
        lastStageTrainingSeconds,
        checkpointStep,
        heldOutAccuracy);
  }

  /**
   * A built-in family member's card.
   *
   * @param name the member's name
   * @param pretrainingFlops {@code 6 * parameters * tokensSeen}
   * @param finalLoss the mean loss of the last steps
   * @param finalLossDefinition how finalLoss is computed
   * @param trainerOptions the last stage's trainer settings
   * @param seed the member's seed
   * @param heldOutAccuracy measurements on held-out problems
   */
  public ModelCard withPretraining(
      String name,
      double pretrainingFlops,
      double finalLoss,
      String finalLossDefinition,
      String trainerOptions,
      long seed,
      Map<String, Object> heldOutAccuracy) {
    String pretrainingFlopsDefinition = "6 * parameters * tokensSeen";
    return new ModelCard(
        name,
        architecture,
        initialisation,
        parameters,
        layers,
        width,
        heads,
        contextLength,
        vocabSize,
        tokensSeen,
        pretrainingFlops,
        pretrainingFlopsDefinition,
        trainingFlops,
        steps,
        finalLoss,
        finalLossDefinition,
        seed,
        recipe,
        baseModel,
        trainerOptions,
        trainingSeconds,
        lastStageSteps,
        lastStageTokensSeen,
        lastStageTrainingSeconds,
        checkpointStep,
        heldOutAccuracy);
  }
}
