package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.onnx.arch.RandomCheckpoints;
import io.gvgap.onnx.checkpoint.TensorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gvgap models import} on Llama- and Qwen2-shaped random-weight checkpoints, then {@code
 * gvgap run} on the imported directory with every verifier gvgap ships: the imported model
 * generates, scores and judges like any model directory.
 */
@Tag("slow")
class ImportedCheckpointRunTest {
  private static final List<String> VERIFIERS = List.of(
      "oracle",
      "majority",
      "logprob",
      "mc",
      "cot-binary",
      "cot-score",
      "tournament",
      "greedy-agreement",
      "ensemble");

  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"llama", "qwen2"})
  void anImportedCheckpointRunsWithEveryVerifier(String type) throws IOException {
    Path checkpoint =
        RandomCheckpoints.write(tmp.resolve("hf"), type, TensorType.BF16, 1L << 30, 5);
    Path model = tmp.resolve("model");
    InProcessGvgap.Result imported =
        InProcessGvgap.run("models", "import", checkpoint.toString(), model.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains(
            "imported " + type + " from", "2 layers, width 64," + " 8 query / 2 key-value heads");
    InProcessGvgap.Result again =
        InProcessGvgap.run("models", "import", checkpoint.toString(), model.toString());
    assertThat(again.code()).isNotZero();
    assertThat(again.err()).contains("is not empty", "--overwrite");

    if (type.equals("qwen2")) {
      // the instruct template, checked by hand: ChatML's default system turn, the prompt as the
      // user's turn, the assistant's opening
      InProcessGvgap.Result shown = InProcessGvgap.run(
          "tasks", "show", "arithmetic", "-n", "1", "--chat-template", model.toString());
      assertThat(shown.code()).as(shown.err()).isZero();
      String out = shown.out();
      String prompt = out.substring(
          out.indexOf("---\n", out.indexOf("--- example")) + 4,
          out.indexOf("\n--- through the chat template"));
      assertThat(out)
          .contains("--- through the chat template of " + model + " ---\n"
              + "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
              + "<|im_start|>user\n" + prompt + "<|im_end|>\n<|im_start|>assistant\n\n"
              + "--- reference ---");
    }
    Path spec = tmp.resolve("imported.yaml");
    Files.writeString(
        spec, """
        name: imported
        seed: 1
        models:
          - {label: %s, backend: onnx, options: {path: "%s", threads: 1, chat: %s}}
        tasks:
          - {name: arithmetic, limit: 3, seed: 2, options: {verification_shots: 0}}
        generation: {samples: 3, temperature: 0.7, max_tokens: 12}
        verifiers:
          - name: oracle
          - name: majority
          - name: logprob
          - name: mc
          - name: cot-binary
            options: {max_tokens: 8}
          - name: cot-score
            options: {max_tokens: 8}
          - name: tournament
            options: {max_tokens: 8}
          - name: greedy-agreement
          - name: ensemble
            options: {members: [majority, logprob]}
        filters:
          - name: best-of-n
        metrics: {bootstrap: 20, pass_at_k: [1]}
        """.formatted(type, model.toString().replace("\\", "/"), type.equals("qwen2")));
    Path out = tmp.resolve("run");
    InProcessGvgap.Result run =
        InProcessGvgap.run("--quiet", "run", spec.toString(), "--output", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    List<SampleRecord> samples = new ArrayList<>();
    JsonLinesReader.read(out.resolve(RunStore.SAMPLES), SampleRecord.class, samples::add);
    assertThat(samples).hasSize(9).allSatisfy(s -> {
      assertThat(s.tokenCount()).isPositive();
      assertThat(s.logProb()).isNotNull().isNegative();
    });
    Set<String> scored = new TreeSet<>();
    JsonLinesReader.read(
        out.resolve(RunStore.SCORES), ScoreRecord.class, s -> scored.add(s.verifier()));
    assertThat(scored).containsAll(VERIFIERS);
  }

  /** {@code gvgap improve} on an imported model: its rounds distil the imported architecture. */
  @Test
  void selfImprovementRoundsDistilAnImportedModel() throws IOException {
    Path checkpoint =
        RandomCheckpoints.write(tmp.resolve("hf"), "llama", TensorType.F32, 1L << 30, 6);
    Path model = tmp.resolve("model");
    InProcessGvgap.Result imported =
        InProcessGvgap.run("models", "import", checkpoint.toString(), model.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    Path spec = tmp.resolve("improve.yaml");
    Files.writeString(spec, """
        name: improve-imported
        output: %s
        seed: 2
        improve:
          rounds: 1
          verifier: logprob
          filter: best-of-n
          update: continue
          distillation: {steps: 4, learning_rate: 1.0e-3, batch: 4, checkpoint_every: 2}
          split: {train: 0.5, seed: 3}
        models:
          - {label: llama, backend: onnx, options: {path: "%s", threads: 1}}
        tasks:
          - {name: arithmetic, limit: 4, seed: 5, options: {verification_shots: 0}}
        generation: {samples: 2, temperature: 0.8, max_tokens: 8}
        verifiers:
          - name: logprob
          - name: oracle
        filters:
          - name: best-of-n
        metrics: {bootstrap: 20}
        """.formatted(
        tmp.resolve("improve").toString().replace("\\", "/"), model.toString().replace("\\", "/")));
    InProcessGvgap.Result run = InProcessGvgap.run("--quiet", "improve", spec.toString());
    assertThat(run.code()).as(run.err()).isZero();
    Path round = tmp.resolve("improve/models/round-1");
    assertThat(round.resolve("model.onnx")).exists();
    assertThat(round.resolve("gvgap-training.json")).exists();
    assertThat(Files.readString(round.resolve("gvgap-import.json")))
        .contains("\"model_type\" : \"llama\"");
  }
}
