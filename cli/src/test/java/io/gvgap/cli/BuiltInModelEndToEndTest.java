package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Family v4's arithmetic mix on one of its built-in members (models/arith4-2x48) through the real
 * ONNX Runtime backend, with four verifiers × three filters: the metrics come from real model outputs.
 */
@Tag("slow")
class BuiltInModelEndToEndTest {

  @TempDir
  Path tmp;

  @Test
  void arithmeticOnTheBuiltInModelWithFourVerifiersAndThreeFilters() throws IOException {
    Path model = Path.of("..", "models", "arith4-2x48").toAbsolutePath().normalize();
    assertThat(model.resolve("model.onnx")).exists();
    Path spec = tmp.resolve("e2e.yaml");
    Files.writeString(spec, """
        name: e2e
        seed: 3
        models:
          - {label: arith4-2x48, backend: onnx, options: {path: "%s", threads: 2}}
        tasks:
          - name: arithmetic
            limit: 6
            seed: 11
            options: {digits: 2, min_digits: 1, operations: "+-*", verification_shots: 0}
        generation: {samples: 4, temperature: 0.7, max_tokens: 330, batch_examples: 3}
        verifiers:
          - name: oracle
          - name: majority
          - name: logprob
          - name: mc
        filters:
          - name: quantile
            options: {alpha: 0.5}
          - name: threshold
            options: {tau: 0.5}
          - name: best-of-n
        metrics: {bootstrap: 100, pass_at_k: [1, 4]}
        """.formatted(model.toString().replace("\\\\", "/")));
    Path out = tmp.resolve("run");
    InProcessGvgap.Result result =
        InProcessGvgap.run("--quiet", "run", spec.toString(), "--output", out.toString());
    assertThat(result.code()).as(result.err()).isZero();

    List<SampleRecord> samples = new ArrayList<>();
    JsonLinesReader.read(out.resolve(RunStore.SAMPLES), SampleRecord.class, samples::add);
    assertThat(samples).hasSize(24);
    // real model output: tokens were generated, log-probabilities are real, and samples differ
    assertThat(samples).allSatisfy(s -> {
      assertThat(s.tokenCount()).isPositive();
      assertThat(s.logProb()).isNotNull().isNegative();
    });
    Set<String> texts = new HashSet<>();
    samples.forEach(s -> texts.add(s.text()));
    // 6 prompts: more distinct texts than prompts means some prompt's 4 samples differ (its card:
    // most samples at T = 0.7 differ)
    assertThat(texts.size()).isGreaterThan(6);
    assertThat(samples.stream().filter(SampleRecord::answerFound).count()).isPositive();

    List<ScoreRecord> scores = new ArrayList<>();
    JsonLinesReader.read(out.resolve(RunStore.SCORES), ScoreRecord.class, scores::add);
    assertThat(scores).hasSize(6 * 4);
    // mc read the model's log-probabilities: its scores are strictly between 0 and 1 and not all
    // equal
    Set<Double> mcScores = new HashSet<>();
    scores.stream()
        .filter(r -> r.verifier().equals("mc"))
        .forEach(r -> r.scores().forEach(s -> mcScores.add(s.value())));
    assertThat(mcScores).allSatisfy(v -> assertThat(v).isStrictlyBetween(0.0, 1.0));
    assertThat(mcScores.size()).isGreaterThan(1);

    RunMetrics metrics =
        Json.mapper().readValue(out.resolve(RunStore.METRICS_JSON).toFile(), RunMetrics.class);
    GroupMetrics m = metrics.groups().get(0).metrics();
    assertThat(m.strategies()).hasSize(12);
    // J(f) recomputed from the stored samples: mean over prompts of the mean utility
    Map<String, double[]> perPrompt = new TreeMap<>();
    samples.forEach(s -> {
      double[] acc = perPrompt.computeIfAbsent(s.exampleId(), k -> new double[2]);
      acc[0] += s.utility();
      acc[1]++;
    });
    double jf =
        perPrompt.values().stream().mapToDouble(a -> a[0] / a[1]).average().orElseThrow();
    assertThat(m.accuracy().value()).isCloseTo(jf, within(1e-12));
    // the oracle with threshold 0.5 keeps exactly the correct samples
    StrategyMetrics oracle = m.strategies().stream()
        .filter(s -> s.verifier().equals("oracle") && s.filter().equals("threshold"))
        .findFirst()
        .orElseThrow();
    long correct = samples.stream().filter(s -> s.utility() >= 0.5).count();
    assertThat(oracle.keptFraction()).isCloseTo(correct / 24.0, within(1e-12));
    assertThat(result.out()).contains("arith4-2x48 on arithmetic: 6 prompts");
    assertThat(out.resolve("report.html")).exists();
  }
}
