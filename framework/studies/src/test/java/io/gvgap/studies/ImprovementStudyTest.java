package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.input.JsonFiles;
import io.gvgap.core.results.DistillationRecord;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundTaskMetrics;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.results.TaskSplit;
import io.gvgap.core.store.RunRecords;
import io.gvgap.onnx.cli.ModelInitRunner;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.train.Checkpoints;
import io.gvgap.onnx.train.ModelOutput;
import io.gvgap.onnx.train.ProgressListener;
import io.gvgap.onnx.train.TrainingData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small end-to-end improvement study with a tiny random model on a held-out split (4 train, 4
 * evaluation examples): two rounds of generate, verify, filter, deduplicate, distil, with no
 * evaluation-split prompt in any SFT set; then the same study crashed in a child JVM in the middle of a
 * distillation, resumed, and compared with the uninterrupted one.
 */
@Tag("process")
class ImprovementStudyTest {

  private static final int SAMPLES = 4;
  private static final int STEPS = 8;

  @TempDir
  static Path tmp;

  static Path model;

  @BeforeAll
  static void tinyModel() throws Exception {
    model = tmp.resolve("base-model");
    ModelInitRunner.run(model, 1, 16, 2, 160, 0, true, 3);
  }

  private static Path spec(String name) throws Exception {
    Path spec = tmp.resolve(name + ".yaml");
    Files.writeString(spec, """
        name: %s
        output: %s
        seed: 7
        improve:
          rounds: 2
          verifier: logprob
          filter: quantile(alpha=0.5)
          update: continue
          distillation: {steps: %d, learning_rate: 1.0e-3, batch: 4, checkpoint_every: 2}
          split: {train: 0.5, seed: 5}
        models:
          - label: tiny
            backend: onnx
            options: {path: "%s", threads: 1}
        tasks:
          - name: arithmetic
            limit: 8
            seed: 3
            options: {digits: 1, shots: 0}
        generation: {samples: %d, max_tokens: 12, temperature: 1.0, batch_examples: 4}
        verifiers:
          - name: logprob
          - name: oracle
        filters:
          - name: quantile
            sweep: {alpha: [0.5]}
          - name: best-of-n
        metrics: {bootstrap: 50}
        """.formatted(
            name,
            tmp.resolve(name).toString().replace("\\", "/"),
            STEPS,
            model.toString().replace("\\", "/"),
            SAMPLES));
    return spec;
  }

  /** rounds.json without the directory and study names, which differ between studies. */
  private static JsonNode roundsWithoutPaths(Path studyDir) throws Exception {
    String text =
        Files.readString(studyDir.resolve(RoundsFile.FILE)).replace(studyDir.toString(), "STUDY");
    JsonNode root =
        new ObjectMapper().readTree(text.replaceAll("-(interrupted|uninterrupted)", ""));
    ((ObjectNode) root).remove("study");
    return root;
  }

  @Test
  void twoRoundsThenACrashInADistillationResumesToTheSameResult() throws Exception {
    List<String> log = new ArrayList<>();
    RoundsFile rounds = ImproveRunner.run(spec("uninterrupted"), log, ProgressListener.none());
    Path study = tmp.resolve("uninterrupted");
    assertThat(rounds.complete()).isTrue();
    assertThat(rounds.rounds()).hasSize(3);
    // 8 examples, split about 4 / 4 by the seeded shuffle of their distinct questions (a question
    // asked twice stays on one side); the split is recorded with its ids.
    TaskSplit split = rounds.split().tasks().get(0);
    assertThat(split.trainIds()).doesNotContainAnyElementsOf(split.evalIds());
    assertThat(split.trainSize()).isGreaterThanOrEqualTo(4);
    assertThat(split.trainSize() + split.evalSize()).isEqualTo(8);
    assertThat(split.evalIds()).isNotEmpty();
    assertThat(split.trainHash()).isEqualTo(HeldOutSplit.hash(split.trainIds()));
    for (RoundRecord r : rounds.rounds()) {
      assertThat(r.evaluation().get(0).prompts()).isEqualTo(split.evalSize());
      assertThat(r.train().get(0).prompts()).isEqualTo(split.trainSize());
      for (RoundTaskMetrics m : List.of(r.evaluation().get(0), r.train().get(0))) {
        // pass@k for every k = 1..N, whatever the spec's metrics section asked for.
        assertThat(m.passAtK()).extracting(p -> p.k()).containsExactly(1, 2, 3, 4);
        assertThat(m.diversity().prompts()).isEqualTo(m.prompts());
        // 2 verifiers x 2 filters.
        assertThat(m.strategies()).hasSize(4);
      }
    }
    // The study never distils an evaluation-split prompt: every SFT line's prompt is the prompt of
    // a train-split example, none an evaluation-split example's.
    Map<String, String> promptOf = new HashMap<>();
    RunRecords.read(study.resolve("round-0"))
        .exampleRecords()
        .forEach(e -> promptOf.put(e.exampleId(), e.prompt()));
    Set<String> trainPrompts = new HashSet<>();
    split.trainIds().forEach(id -> trainPrompts.add(promptOf.get(id)));
    Set<String> evalPrompts = new HashSet<>();
    split.evalIds().forEach(id -> evalPrompts.add(promptOf.get(id)));
    assertThat(evalPrompts).isNotEmpty().doesNotContainAnyElementsOf(trainPrompts);
    for (int t = 0; t < 2; t++) {
      for (String line :
          Files.readAllLines(Path.of(rounds.rounds().get(t).distillation().sftSet()))) {
        String prompt = new ObjectMapper().readTree(line).path("prompt").asText();
        assertThat(trainPrompts).contains(prompt);
        assertThat(evalPrompts).doesNotContain(prompt);
      }
    }
    // Paired differences on the evaluation split: 0->1, then 1->2 and 0->2.
    assertThat(rounds.differences())
        .extracting(d -> d.from() + "->" + d.to())
        .containsExactly("0->1", "1->2", "0->2");
    assertThat(rounds.differences()).allMatch(d -> d.prompts() == split.evalSize());
    // rounds.json round-trips: read back, it equals what the study returned.
    assertThat(JsonFiles.read(study.resolve(RoundsFile.FILE), RoundsFile.class)).isEqualTo(rounds);
    assertThat(rounds.rounds().get(2).distillation()).isNull();
    for (int t = 0; t < 2; t++) {
      DistillationRecord d = rounds.rounds().get(t).distillation();
      // quantile(alpha=0.5) keeps at least 2 of 4 samples per prompt (ties are kept) of the train
      // prompts.
      assertThat(d.keptSamples()).isBetween(2 * split.trainSize(), 4 * split.trainSize());
      assertThat(d.distinctSamples()).isBetween(1, d.keptSamples());
      assertThat(TrainingData.readJsonLines(Path.of(d.sftSet()))).hasSize(d.distinctSamples());
      assertThat(d.steps()).isEqualTo(STEPS);
      assertThat(Path.of(d.toModel()).resolve(ModelDirectory.MODEL_FILE)).exists();
    }
    // continue: round 2's model is distilled from round 1's.
    assertThat(rounds.rounds().get(1).distillation().fromModel())
        .isEqualTo(study.resolve("models/round-1").toString());
    assertThat(rounds.rounds().get(1).model())
        .isEqualTo(study.resolve("models/round-1").toString());

    // A rerun finds every stage finished and changes nothing.
    List<String> rerunLog = new ArrayList<>();
    ImproveRunner.run(spec("uninterrupted"), rerunLog, ProgressListener.none());
    assertThat(rerunLog).hasSize(5).allMatch(line -> line.contains("already finished"));

    // The same study, its JVM halted at step 5 of the first distillation (checkpoints at 2 and 4).
    Path interruptedSpec = spec("interrupted");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ImproveRunner.class.getName(),
            interruptedSpec.toString(),
            "5")
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.out").toFile())
        .start();
    try {
      assertThat(child.waitFor(120, TimeUnit.SECONDS))
          .as("the child did not stop within 120 s")
          .isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).as(Files.readString(tmp.resolve("child.out"))).isEqualTo(137);
    Path interrupted = tmp.resolve("interrupted");
    // the unfinished model and its checkpoints are beside the round's model directory, which does
    // not exist yet
    assertThat(ModelOutput.workDirectory(interrupted.resolve("models/round-1"))
            .resolve(Checkpoints.FOLDER))
        .exists();
    assertThat(interrupted.resolve("models/round-1")).doesNotExist();

    List<String> resumeLog = new ArrayList<>();
    RoundsFile resumed = ImproveRunner.run(interruptedSpec, resumeLog, ProgressListener.none());
    assertThat(resumed.complete()).isTrue();
    assertThat(resumeLog).contains("round 0: distillation resumed from step 4");
    assertThat(resumeLog.get(0)).contains("round 0: evaluation already finished");
    assertThat(roundsWithoutPaths(interrupted)).isEqualTo(roundsWithoutPaths(study));
  }
}
