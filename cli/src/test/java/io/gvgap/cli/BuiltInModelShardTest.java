package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.store.Json;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.ScoreRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sharding with a real model: the built-in models/arith-2xs through the ONNX Runtime backend, run
 * unsharded and as two shards (batches of 2, so every shard batches its examples differently),
 * merged: samples (texts, log-probabilities), the mc verifier's scores read from real
 * log-probabilities, and metrics are identical. This holds only because a sample depends on
 * (seed, example, sample index) and not on what else is in the batch.
 */
class BuiltInModelShardTest {

  @TempDir
  Path tmp;

  private int gvgap(String... args) {
    InProcessGvgap.Result result = InProcessGvgap.run(args);
    assertThat(result.code()).as(result.err()).isZero();
    return result.code();
  }

  @Test
  void twoShardsOfTheBuiltInModelMergeIntoTheUnshardedRun() throws IOException {
    Path model = Path.of("..", "models", "arith-2xs").toAbsolutePath().normalize();
    assertThat(model.resolve("model.onnx")).exists();
    Path spec = tmp.resolve("shards.yaml");
    Files.writeString(spec, """
        name: arith-shards
        seed: 5
        output: "%s"
        models:
          - {label: arith-2xs, backend: onnx, options: {path: "%s", threads: 1}}
        tasks:
          - {name: arithmetic, limit: 5, seed: 11, options: {verification_shots: 0}}
        generation: {samples: 3, temperature: 0.7, max_tokens: 24, batch_examples: 2}
        verifiers:
          - name: logprob
          - name: mc
        filters:
          - name: threshold
            options: {tau: 0.5}
          - name: best-of-n
        metrics: {bootstrap: 50, pass_at_k: [1, 2]}
        """.formatted(
        tmp.resolve("runs").toString().replace("\\", "/"), model.toString().replace("\\", "/")));
    Path whole = tmp.resolve("whole");
    gvgap("--quiet", "run", spec.toString(), "-o", whole.toString());
    gvgap("--quiet", "run", spec.toString(), "--shard", "0/2");
    gvgap("--quiet", "run", spec.toString(), "--shard", "1/2");
    Path merged = tmp.resolve("merged");
    gvgap(
        "--quiet",
        "merge",
        merged.toString(),
        tmp.resolve("runs/shard-1-of-2").toString(),
        tmp.resolve("runs/shard-0-of-2").toString());

    assertThat(merged.resolve(RunStore.SAMPLES))
        .hasSameTextualContentAs(whole.resolve(RunStore.SAMPLES));
    assertThat(merged.resolve(RunStore.SCORES))
        .hasSameTextualContentAs(whole.resolve(RunStore.SCORES));
    assertThat(Json.mapper().readTree(merged.resolve(RunStore.METRICS_JSON).toFile()))
        .isEqualTo(Json.mapper().readTree(whole.resolve(RunStore.METRICS_JSON).toFile()));
    // the comparison is not vacuous: the mc scores are real, distinct probabilities
    Set<Double> mc = new HashSet<>();
    JsonLinesReader.read(merged.resolve(RunStore.SCORES), ScoreRecord.class, r -> {
      if (r.verifier().equals("mc")) {
        r.scores().forEach(s -> mc.add(s.value()));
      }
    });
    assertThat(mc.size()).isGreaterThan(5);
    assertThat(mc).allSatisfy(v -> assertThat(v).isStrictlyBetween(0.0, 1.0));
  }
}
