package io.gvgap.onnx.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.checkpoint.TensorType;
import io.gvgap.onnx.runtime.ModelLoadException;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.onnx.train.DistillRunner;
import io.gvgap.onnx.train.TrainerOptions;
import io.gvgap.onnx.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gvgap distill} on imported architectures: the trainer runs the step graph built from the
 * description, tokenises with the model's own tokenizer and writes an imported directory again,
 * which the backend opens on its fast path.
 */
@Tag("slow")
class ImportedDistillTest {
  @TempDir
  Path dir;

  @Test
  void anImportedLlamaIsDistilledAndWrittenAsAnImportedDirectory() throws Exception {
    Path checkpoint = RandomCheckpoints.write(
        dir.resolve("hf"),
        "llama",
        TensorType.F32,
        1L << 30,
        2,
        new RandomCheckpoints.Sizes(32, 2, 4, 2, 48));
    Path model = dir.resolve("imported");
    CheckpointImporter.importCheckpoint(checkpoint, model);
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      data.append(String.format(
          "{\"prompt\": \"Q: %d + %d =\", \"response\": \" %d\", \"weight\": 1}%n", i, i, 2 * i));
    }
    Path dataFile = dir.resolve("kept.jsonl");
    Files.writeString(dataFile, data.toString());
    Path out = dir.resolve("distilled");
    List<Double> losses = new ArrayList<>();
    TrainingResult result = DistillRunner.run(
        model, dataFile, out, TrainerOptions.fineTuning(40, 3), p -> losses.add(p.loss()));
    assertThat(result.steps()).isEqualTo(40);
    assertThat(losses.get(losses.size() - 1))
        .as("losses %s", losses)
        .isLessThan(losses.get(0) * 0.8);
    assertThat(out.resolve("model.onnx")).exists();
    assertThat(out.resolve(CheckpointImporter.IMPORT_FILE)).exists();
    assertThat(Files.readString(out.resolve(ImportedModel.CARD_FILE)))
        .contains("distilled by gvgap from " + model.toAbsolutePath());
    assertThat(out.resolve("checkpoints")).doesNotExist();
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(out, 1, "cpu", 8)) {
      assertThat(opened.sharedPrefix()).isTrue();
      assertThat(opened
              .generateSamples(
                  List.of(new GenerationRequest("p", "Q: 3 + 3 =", 0, 1, List.of())),
                  SamplingParams.greedy(4))
              .get(0)
              .tokenIds())
          .isNotEmpty();
    }
    // the distilled directory is itself an imported one: it can be distilled again
    assertThat(ImportedModel.isImported(out)).isTrue();
  }

  @Test
  void aQuantisedImportIsRefusedForTraining() throws Exception {
    Path checkpoint = RandomCheckpoints.write(
        dir.resolve("hf"),
        "qwen2",
        TensorType.F32,
        1L << 30,
        2,
        new RandomCheckpoints.Sizes(32, 1, 4, 2, 48));
    Path model = dir.resolve("int4");
    CheckpointImporter.importCheckpoint(checkpoint, model, WeightPrecision.INT4);
    Path dataFile = dir.resolve("kept.jsonl");
    Files.writeString(dataFile, "{\"prompt\": \"a\", \"response\": \"b\", \"weight\": 1}\n");
    assertThatThrownBy(() -> DistillRunner.run(
            model, dataFile, dir.resolve("out"), TrainerOptions.fineTuning(2, 1), p -> {}))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("holds INT4 weights; gvgap trains fp32 weights");
  }

  /** A run interrupted after a checkpoint resumes from it and ends with the same weights. */
  @Test
  void anInterruptedImportedRunResumesToTheSameWeights() throws Exception {
    Path checkpoint = RandomCheckpoints.write(
        dir.resolve("hf"),
        "gemma2",
        TensorType.F32,
        1L << 30,
        4,
        new RandomCheckpoints.Sizes(32, 1, 4, 2, 48));
    Path model = dir.resolve("imported");
    CheckpointImporter.importCheckpoint(checkpoint, model);
    List<io.gvgap.onnx.train.TrainingExample> examples = List.of(
        new io.gvgap.onnx.train.TrainingExample("Q: 1 + 1 =", " 2", 1),
        new io.gvgap.onnx.train.TrainingExample("Q: 2 + 2 =", " 4", 1));
    TrainerOptions defaults = TrainerOptions.fineTuning(8, 5);
    TrainerOptions options = new TrainerOptions(
        1,
        8,
        defaults.peakLearningRate(),
        defaults.warmupSteps(),
        defaults.weightDecay(),
        defaults.clipNorm(),
        5,
        3,
        1,
        "cpu");
    Path straight = dir.resolve("straight");
    Path interrupted = dir.resolve("interrupted");
    try (ImportedModel imported = ImportedModel.open(model)) {
      new io.gvgap.onnx.train.Trainer(imported, imported.weights(), examples, options)
          .train(straight, io.gvgap.onnx.decoder.ModelCard.EMPTY, p -> {});
      assertThatThrownBy(() -> new io.gvgap.onnx.train.Trainer(
                  imported, imported.weights(), examples, options)
              .train(interrupted, io.gvgap.onnx.decoder.ModelCard.EMPTY, p -> {
                if (p.step() == 5) {
                  throw new IllegalStateException("crash at step 5");
                }
              }))
          .hasMessageContaining("crash at step 5");
      TrainingResult resumed = new io.gvgap.onnx.train.Trainer(
              imported, imported.weights(), examples, options)
          .train(interrupted, io.gvgap.onnx.decoder.ModelCard.EMPTY, p -> {});
      assertThat(resumed.resumedFromStep()).isEqualTo(3);
      var want = imported.readParameters(straight);
      var got = imported.readParameters(interrupted);
      assertThat(got.keySet()).isEqualTo(want.keySet());
      for (String name : want.keySet()) {
        assertThat(got.get(name)).as(name).containsExactly(want.get(name));
      }
    }
  }
}
