package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistillRunnerTest {
  @Test
  void distillationTeachesTheResponsesAndWritesALoadableModel(@TempDir Path temp) throws Exception {
    CharVocabulary vocabulary = new CharVocabulary("0123456789+=\n");
    DecoderConfig config = DecoderConfig.gpt2Like(vocabulary.size(), 16, 1, 16, 2);
    Path base = temp.resolve("base");
    ModelDirectory.writeRandom(base, config, vocabulary, 3);
    assertThat(CharVocabularies.read(base)).isEqualTo(vocabulary);
    List<String> lines = new ArrayList<>();
    for (int a = 0; a < 5; a++) {
      lines.add(
          "{\"prompt\": \"" + a + "+1=\", \"response\": \"" + (a + 1) + "\", \"weight\": 0.5}");
    }
    lines.add("");
    lines.add("{\"text\": \"1+1=2\"}");
    Path data = temp.resolve("kept.jsonl");
    Files.write(data, lines);
    List<TrainingExample> examples = TrainingData.readJsonLines(data);
    assertThat(examples).hasSize(6);
    assertThat(examples.get(0)).isEqualTo(new TrainingExample("0+1=", "1", 0.5));
    assertThat(examples.get(5)).isEqualTo(TrainingExample.document("1+1=2"));

    List<Double> losses = new ArrayList<>();
    TrainerOptions options = new TrainerOptions(6, 60, 2e-2, 5, 0.0, 1.0, 1, 0, 1, "cpu");
    TrainingResult result =
        DistillRunner.run(base, data, temp.resolve("out"), options, p -> losses.add(p.loss()));
    assertThat(result.steps()).isEqualTo(60);
    assertThat(losses.get(59)).isLessThan(losses.get(0) / 4);
    assertThat(ModelDirectory.readConfig(temp.resolve("out"))).isEqualTo(config);
    var card = new ObjectMapper()
        .readTree(temp.resolve("out").resolve(ModelDirectory.MODEL_CARD_FILE).toFile());
    assertThat(card.path("steps").asText()).isEqualTo("60");
    assertThat(card.path("baseModel").asText()).isEqualTo(base.toAbsolutePath().toString());
  }

  @Test
  void anInterruptedDistillationLeavesTheOldModelInPlaceAndResumes(@TempDir Path temp)
      throws Exception {
    CharVocabulary vocabulary = new CharVocabulary("0123456789+=\n");
    DecoderConfig config = DecoderConfig.gpt2Like(vocabulary.size(), 16, 1, 16, 2);
    Path base = temp.resolve("base");
    ModelDirectory.writeRandom(base, config, vocabulary, 3);
    Path data = temp.resolve("kept.jsonl");
    Files.write(
        data,
        List.of(
            "{\"prompt\": \"1+1=\", \"response\": \"2\"}",
            "{\"prompt\": \"2+1=\", \"response\": \"3\"}"));
    Path out = temp.resolve("out");
    ModelDirectory.writeRandom(out, config, vocabulary, 7);
    byte[] good = Files.readAllBytes(out.resolve("model.onnx"));
    TrainerOptions options = new TrainerOptions(2, 6, 1e-2, 1, 0.0, 1.0, 1, 2, 1, "cpu");

    assertThatThrownBy(() -> DistillRunner.run(base, data, out, false, options, p -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--overwrite");
    assertThatThrownBy(() -> DistillRunner.run(base, data, out, true, options, p -> {
          if (p.step() == 5) {
            throw new IllegalStateException("killed at step 5");
          }
        }))
        .hasMessageContaining("killed at step 5");
    // the crash left the old model where it was and the checkpoint in the work directory beside it
    assertThat(Files.readAllBytes(out.resolve("model.onnx"))).isEqualTo(good);
    assertThat(ModelOutput.workDirectory(out).resolve(Checkpoints.FOLDER)).isDirectory();

    TrainingResult resumed = DistillRunner.run(base, data, out, true, options, p -> {});
    assertThat(resumed.resumedFromStep()).isEqualTo(4);
    assertThat(resumed.steps()).isEqualTo(6);
    assertThat(resumed.modelDirectory()).isEqualTo(out);
    assertThat(Files.readAllBytes(out.resolve("model.onnx"))).isNotEqualTo(good);
    assertThat(out.resolve(Checkpoints.FOLDER)).doesNotExist();
    assertThat(ModelOutput.workDirectory(out)).doesNotExist();
  }

  @Test
  void badLinesAreReportedWithFileAndLine(@TempDir Path temp) throws Exception {
    Path data = temp.resolve("bad.jsonl");
    Files.write(
        data,
        List.of("{\"prompt\": \"a\", \"response\": \"b\"}", "{\"prompt\": \"a\", \"weight\": 1}"));
    assertThatThrownBy(() -> TrainingData.readJsonLines(data))
        .hasMessageContaining("bad.jsonl:2")
        .hasMessageContaining("\"response\"");
    Files.write(data, List.of("{\"response\": \"b\", \"weight\": \"high\"}"));
    assertThatThrownBy(() -> TrainingData.readJsonLines(data))
        .hasMessageContaining("bad.jsonl:1")
        .hasMessageContaining("\"weight\" must be a number");
    Files.write(data, List.of("{\"response\": \"b\", \"weight\": 0}"));
    assertThatThrownBy(() -> TrainingData.readJsonLines(data))
        .hasMessageContaining("bad.jsonl:1")
        .hasMessageContaining("weight must be finite and > 0");
  }
}
