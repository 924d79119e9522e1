package io.gvgap.onnx.train;

import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fine-tunes (distils) a gvgap model on prompt/response pairs: the entry point of
 * {@code gvgap distill --model DIR --data FILE --out DIR}. Only response tokens count in the loss,
 * each example weighted by its {@code weight}. Re-running the same command after a crash resumes
 * from the last checkpoint in {@code outDir}.
 */
public final class DistillRunner {
  private DistillRunner() {
  }

  /** Options for {@code epochs} passes over {@code examples} examples with the fine-tuning defaults. */
  public static TrainerOptions options(int examples, double epochs, long seed) {
    TrainerOptions defaults = TrainerOptions.fineTuning(1, seed);
    int steps = (int) Math.max(1, Math.ceil(epochs * Math.ceil(examples / (double) defaults.rowsPerBatch())));
    return TrainerOptions.fineTuning(steps, seed);
  }

  /**
   * Fine-tunes the model in {@code modelDirectory} on the JSON Lines file {@code dataFile} and
   * writes the result to {@code outDirectory} (an ordinary model directory).
   */
  public static TrainingResult run(Path modelDirectory, Path dataFile, Path outDirectory, TrainerOptions options,
      ProgressListener listener) throws Exception {
    DecoderConfig config = ModelDirectory.readConfig(modelDirectory);
    CharVocabulary vocabulary = CharVocabularies.read(modelDirectory);
    Map<String, float[]> parameters = ModelDirectory.readParameters(modelDirectory);
    List<TrainingExample> examples = TrainingData.readJsonLines(dataFile);
    Trainer trainer = new Trainer(config, vocabulary, parameters, examples, options);
    Map<String, String> card = new LinkedHashMap<>();
    card.put("recipe", "distilled by gvgap from " + modelDirectory.toAbsolutePath() + " on " + examples.size()
        + " examples of " + dataFile.toAbsolutePath());
    card.put("baseModel", modelDirectory.toAbsolutePath().toString());
    return trainer.train(outDirectory, card, listener);
  }
}
