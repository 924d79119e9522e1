package io.gvgap.onnx.train;

import io.gvgap.onnx.arch.ImportedModel;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fine-tunes (distils) a gvgap model on prompt/response pairs: the entry point of
 * {@code gvgap distill --model DIR --data FILE --out DIR}. Only response tokens count in the loss,
 * each example weighted by its {@code weight}. Re-running the same command after a crash resumes
 * from the last checkpoint in the output's work directory ({@code .OUT.partial} beside it); the
 * output appears only once complete.
 */
public final class DistillRunner {
  private DistillRunner() {}

  /** Options for {@code epochs} passes over {@code examples} examples with the fine-tuning defaults. */
  public static TrainerOptions options(int examples, double epochs, long seed) {
    TrainerOptions defaults = TrainerOptions.fineTuning(1, seed);
    int steps = (int) Math.max(
        1, Math.ceil(epochs * Math.ceil(examples / (double) defaults.rowsPerBatch())));
    return TrainerOptions.fineTuning(steps, seed);
  }

  /**
   * Fine-tunes the model in {@code modelDirectory} on the JSON Lines file {@code dataFile} and
   * writes the result to {@code outDirectory} (an ordinary model directory), which must be missing
   * or empty: {@link #run(Path, Path, Path, boolean, TrainerOptions, ProgressListener)} with
   * {@code overwrite} false.
   */
  public static TrainingResult run(
      Path modelDirectory,
      Path dataFile,
      Path outDirectory,
      TrainerOptions options,
      ProgressListener listener)
      throws Exception {
    return run(modelDirectory, dataFile, outDirectory, false, options, listener);
  }

  /**
   * Fine-tunes the model in {@code modelDirectory} on the JSON Lines file {@code dataFile} and
   * writes the result to {@code outDirectory}. Training runs in {@link ModelOutput#workDirectory}
   * (where a rerun after a crash resumes from the last checkpoint); the model is renamed into
   * {@code outDirectory} only once complete, so an interrupted distillation never leaves a
   * half-written model where a good one was.
   *
   * @param overwrite whether an existing, non-empty {@code outDirectory} may be replaced
   * @throws IllegalArgumentException when {@code outDirectory} is the input model or may not be replaced
   */
  public static TrainingResult run(
      Path modelDirectory,
      Path dataFile,
      Path outDirectory,
      boolean overwrite,
      TrainerOptions options,
      ProgressListener listener)
      throws Exception {
    ModelOutput.check(modelDirectory, outDirectory, overwrite);
    List<TrainingExample> examples = TrainingData.readJsonLines(dataFile);
    if (ImportedModel.isImported(modelDirectory)) {
      // an imported Hugging Face architecture: trained from its description, written back as one
      try (ImportedModel imported = ImportedModel.open(modelDirectory)) {
        return train(
            new Trainer(imported, imported.weights(), examples, options),
            modelDirectory,
            dataFile,
            examples.size(),
            outDirectory,
            listener);
      }
    }
    DecoderConfig config = ModelDirectory.readConfig(modelDirectory);
    CharVocabulary vocabulary = CharVocabularies.read(modelDirectory);
    Map<String, float[]> parameters = ModelDirectory.readParameters(modelDirectory);
    return train(
        new Trainer(config, vocabulary, parameters, examples, options),
        modelDirectory,
        dataFile,
        examples.size(),
        outDirectory,
        listener);
  }

  private static TrainingResult train(
      Trainer trainer,
      Path modelDirectory,
      Path dataFile,
      int exampleCount,
      Path outDirectory,
      ProgressListener listener)
      throws Exception {
    ModelCard card = ModelCard.ofRecipe("distilled by gvgap from " + modelDirectory.toAbsolutePath()
            + " on " + exampleCount + " examples of " + dataFile.toAbsolutePath())
        .withBaseModel(modelDirectory.toAbsolutePath().toString());
    Path work = ModelOutput.workDirectory(outDirectory);
    TrainingResult trained = trainer.train(work, card, listener);
    ModelOutput.publish(work, outDirectory);
    return new TrainingResult(
        outDirectory,
        trained.steps(),
        trained.tokensSeen(),
        trained.finalLoss(),
        trained.resumedFromStep());
  }
}
