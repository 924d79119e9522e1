package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.core.metrics.Correctness;
import io.gvgap.core.results.RoundDifference;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.results.TaskSplit;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.onnx.train.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One round of a held-out improvement study of the built-in arith4-2x48 (family v4) with the oracle control arm:
 * neither arm distils an evaluation-split prompt, the oracle arm distils only correct train-split
 * samples, both arms share round 0, the paired differences are those of the run directories'
 * samples, and a changed split is refused on resume.
 */
@Tag("process")
class HeldOutImprovementTest {

  private static final Path MODEL =
      Path.of("..", "..", "models", "arith4-2x48").toAbsolutePath().normalize();

  @TempDir
  Path tmp;

  private Path spec(String split) throws Exception {
    Path spec = tmp.resolve("spec.yaml");
    Files.writeString(spec, """
        name: held-out
        output: %s
        seed: 3
        improve:
          rounds: 1
          verifier: majority
          filter: quantile(alpha=0.5)
          distillation: {steps: 4, learning_rate: 1.0e-4, batch: 4, checkpoint_every: 0}
          split: %s
          control: oracle
        models:
          - label: arith4-2x48
            backend: onnx
            options: {path: "%s", threads: 1}
        tasks:
          - name: arithmetic
            limit: 16
            seed: 5
            options: {digits: 2, min_digits: 1, operations: "+-*", terms: 2, shots: 3, verification_shots: 0}
        generation: {samples: 8, temperature: 0.7, top_p: 0.9, max_tokens: 330, batch_examples: 16}
        verifiers:
          - name: majority
          - name: oracle
        filters:
          - name: quantile
            sweep: {alpha: [0.5]}
        metrics: {bootstrap: 200}
        """.formatted(
            tmp.resolve("study").toString().replace("\\", "/"),
            split,
            MODEL.toString().replace("\\", "/")));
    return spec;
  }

  @Test
  void neitherArmDistilsAnEvaluationPromptAndAChangedSplitIsRefused() throws Exception {
    List<String> log = new ArrayList<>();
    RoundsFile rounds =
        ImproveRunner.run(spec("{train: 0.6, seed: 9}"), log, ProgressListener.none());
    Path study = tmp.resolve("study");
    assertThat(rounds.complete()).isTrue();
    assertThat(rounds.control()).isEqualTo("oracle");
    TaskSplit split = rounds.split().tasks().get(0);
    assertThat(split.trainSize()).isGreaterThanOrEqualTo(10); // round(0.6 * 16)
    assertThat(split.trainSize() + split.evalSize()).isEqualTo(16);
    assertThat(rounds.rounds()).hasSize(2);
    assertThat(rounds.controlRounds()).hasSize(2);
    // round 0 is shared; round 1 of each arm has its own run directory and model
    assertThat(rounds.controlRounds().get(0).runDirectory())
        .isEqualTo(rounds.rounds().get(0).runDirectory());
    assertThat(rounds.controlRounds().get(1).runDirectory())
        .isEqualTo(study.resolve("control-oracle/round-1").toString());
    assertThat(rounds.controlRounds().get(1).model())
        .isEqualTo(study.resolve("control-oracle/models/round-1").toString());

    Map<String, ExampleRecord> examples = new HashMap<>();
    RunRecords round0 = RunRecords.read(study.resolve("round-0"));
    round0.exampleRecords().forEach(e -> examples.put(e.prompt(), e));
    Set<String> evalIds = Set.copyOf(split.evalIds());
    Set<String> trainIds = Set.copyOf(split.trainIds());
    for (List<RoundRecord> arm : List.of(rounds.rounds(), rounds.controlRounds())) {
      String sft = arm.get(0).distillation().sftSet();
      List<String> lines = Files.readAllLines(Path.of(sft));
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        var node = new ObjectMapper().readTree(line);
        ExampleRecord example = examples.get(node.path("prompt").asText());
        assertThat(example).as("an SFT prompt of %s is a task prompt", sft).isNotNull();
        assertThat(evalIds).doesNotContain(example.exampleId());
        assertThat(trainIds).contains(example.exampleId());
      }
    }
    // the oracle arm's SFT set is exactly the distinct correct train-split samples of round 0
    List<String> oracleLines =
        Files.readAllLines(Path.of(rounds.controlRounds().get(0).distillation().sftSet()));
    Map<String, String> promptOf = new HashMap<>();
    round0.exampleRecords().forEach(e -> promptOf.put(e.exampleId(), e.prompt()));
    List<String> correct = new ArrayList<>();
    for (SampleRecord s : round0.samples()) {
      if (trainIds.contains(s.exampleId()) && Correctness.isCorrect(s.utility())) {
        correct.add(promptOf.get(s.exampleId()) + "\u0000" + s.text());
      }
    }
    List<String> distilled = new ArrayList<>();
    for (String line : oracleLines) {
      var node = new ObjectMapper().readTree(line);
      distilled.add(
          node.path("prompt").asText() + "\u0000" + node.path("response").asText());
    }
    assertThat(correct).containsAll(distilled);
    assertThat(rounds.controlRounds().get(0).distillation().keptSamples())
        .isEqualTo(correct.size());
    assertThat(rounds.controlRounds().get(0).distillation().keptAccuracy()).isEqualTo(1.0);

    // each arm's 0->1 difference on the evaluation split is the mean of the per-prompt
    // differences of the run directories' samples
    for (RoundDifference d : rounds.differences()) {
      List<RoundRecord> arm = d.arm().equals("self") ? rounds.rounds() : rounds.controlRounds();
      RunRecords r1 = RunRecords.read(Path.of(arm.get(1).runDirectory()));
      double sum = 0;
      for (String id : split.evalIds()) {
        sum += accuracy(r1, id) - accuracy(round0, id);
      }
      assertThat(d.prompts()).isEqualTo(split.evalSize());
      assertThat(d.accuracy().value())
          .isCloseTo(sum / split.evalSize(), org.assertj.core.data.Offset.offset(1e-12));
    }
    assertThat(rounds.differences())
        .extracting(RoundDifference::arm)
        .containsExactly("self", "oracle");
    // the evaluation split's J(f) is that of the evaluation prompts alone
    double evalMean =
        split.evalIds().stream().mapToDouble(id -> accuracy(round0, id)).sum() / split.evalSize();
    assertThat(rounds.rounds().get(0).evaluation().get(0).accuracy().value())
        .isCloseTo(evalMean, org.assertj.core.data.Offset.offset(1e-12));

    // a changed split is refused before anything runs
    assertThatThrownBy(
            () -> ImproveRunner.run(spec("{train: 0.6, seed: 10}"), log, ProgressListener.none()))
        .isInstanceOf(StudyException.class)
        .hasMessageContaining(
            "rounds.json: this study's split is improve.split {train: 0.6, seed: 9}")
        .hasMessageContaining("the spec asks for {train: 0.6, seed: 10}")
        .hasMessageContaining("new output directory");
  }

  private static double accuracy(RunRecords records, String id) {
    return records.samples().stream()
        .filter(s -> s.exampleId().equals(id))
        .mapToDouble(SampleRecord::utility)
        .average()
        .orElseThrow();
  }
}
