package io.gvgap.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.api.NoOptions;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.GenerationSettings;
import io.gvgap.core.spec.MetricsSettingsSpec;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.testing.KeepAboveFilter;
import io.gvgap.testing.ScriptedBackend;
import io.gvgap.testing.ToySumsTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * The run pipeline end to end with the scripted test model: every record stored once, metrics equal
 * to an independent recomputation from the stored records, and a resumed run that redoes only the
 * missing work. Tagged {@code test-doubles}: it runs in core's second Surefire execution, whose class
 * path holds gvgap-testing's providers (core's own tests must not discover them).
 */
@Tag("test-doubles")
class RunPipelineResumeTest {

  private static final int EXAMPLES = 12;
  private static final int SAMPLES = 6;

  @TempDir
  Path tmp;

  private final PluginRegistry registry =
      PluginRegistry.load(RunPipelineResumeTest.class.getClassLoader());

  private ResolvedRunSpec spec(Path out, Path log) {
    return new ResolvedRunSpec(
        "toy",
        out,
        42,
        List.of(new ResolvedModel(
            "scripted", "scripted", new ScriptedBackend.Options(log.toString(), 0))),
        List.of(new ResolvedTask("toy-sums", "toy-sums", EXAMPLES, 3, new ToySumsTask.Options(50))),
        new GenerationSettings(SAMPLES, 0.7, 0.9, 0, 64, 4),
        null,
        List.of(new ResolvedComponent("judge", "scripted-judge", new NoOptions())),
        List.of(
            new ResolvedComponent(
                "keep-above(tau=0.5)", "keep-above", new KeepAboveFilter.Options(0.5)),
            new ResolvedComponent(
                "keep-above(tau=0.8)", "keep-above", new KeepAboveFilter.Options(0.8))),
        new MetricsSettingsSpec(200, 0.95, List.of(1, 2), "fallback"));
  }

  private RunResult run(ResolvedRunSpec spec) {
    return new RunPipeline(registry, Progress.NONE, "test").run(spec, "name: toy\n");
  }

  private static List<SampleRecord> samples(Path dir) {
    List<SampleRecord> out = new ArrayList<>();
    JsonLinesReader.read(dir.resolve(RunStore.SAMPLES), SampleRecord.class, out::add);
    return out;
  }

  private static List<ScoreRecord> scores(Path dir) {
    List<ScoreRecord> out = new ArrayList<>();
    JsonLinesReader.read(dir.resolve(RunStore.SCORES), ScoreRecord.class, out::add);
    return out;
  }

  @Test
  void aRunStoresEverySampleAndScoreOnceAndItsMetricsMatchTheRecords() throws IOException {
    Path dir = tmp.resolve("run");
    RunResult result = run(spec(dir, tmp.resolve("calls.log")));

    List<SampleRecord> samples = samples(dir);
    assertThat(samples).hasSize(EXAMPLES * SAMPLES);
    Set<String> keys = new HashSet<>();
    samples.forEach(s -> keys.add(s.exampleId() + "#" + s.sampleIndex()));
    assertThat(keys).hasSize(EXAMPLES * SAMPLES);
    assertThat(scores(dir)).hasSize(EXAMPLES);
    assertThat(RunStore.readInfo(dir).status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.samplesGenerated()).isEqualTo(EXAMPLES * SAMPLES);
    assertThat(result.times().seconds())
        .containsOnlyKeys(
            "model loading", "generation", "verify judge", "filtering", "observers", "metrics");

    // J(f) recomputed independently from the stored records: mean over examples of mean utility
    Map<String, double[]> perExample = new TreeMap<>();
    for (SampleRecord s : samples) {
      perExample.computeIfAbsent(s.exampleId(), k -> new double[2]);
      perExample.get(s.exampleId())[0] += s.utility();
      perExample.get(s.exampleId())[1]++;
    }
    double jf =
        perExample.values().stream().mapToDouble(a -> a[0] / a[1]).average().orElseThrow();
    GroupMetrics m = result.metrics().groups().get(0).metrics();
    assertThat(m.accuracy().value()).isCloseTo(jf, within(1e-12));
    assertThat(m.strategies())
        .extracting(StrategyMetrics::filter)
        .containsExactly("keep-above(tau=0.5)", "keep-above(tau=0.8)");

    // J(f[w]) for tau = 0.5, recomputed from stored scores with the FALLBACK policy
    Map<String, double[]> kept = new TreeMap<>();
    Map<String, Double> utilityOf = new TreeMap<>();
    samples.forEach(s -> utilityOf.put(s.exampleId() + "#" + s.sampleIndex(), s.utility()));
    for (ScoreRecord r : scores(dir)) {
      double[] acc = new double[2];
      for (var s : r.scores()) {
        if (s.value() != null && s.value() >= 0.5) {
          acc[0] += utilityOf.get(r.exampleId() + "#" + s.sampleIndex());
          acc[1]++;
        }
      }
      kept.put(r.exampleId(), acc);
    }
    double jfw = 0;
    for (String id : perExample.keySet()) {
      double[] k = kept.get(id);
      double[] all = perExample.get(id);
      jfw += k[1] == 0 ? all[0] / all[1] : k[0] / k[1];
    }
    jfw /= perExample.size();
    StrategyMetrics half = m.strategies().get(0);
    assertThat(half.jfw().value()).isCloseTo(jfw, within(1e-12));
    assertThat(half.gap().value()).isCloseTo(jfw - jf, within(1e-12));

    JsonNode written = Json.mapper().readTree(dir.resolve(RunStore.METRICS_JSON).toFile());
    assertThat(written.get("groups").get(0).get("task").asText()).isEqualTo("toy-sums");
    assertThat(dir.resolve(RunStore.PLUGINS_JSON)).content().contains("scripted-judge");
  }

  @Test
  void aResumedRunRedoesOnlyMissingWorkAndEndsWithTheSameMetrics() throws IOException {
    Path reference = tmp.resolve("reference");
    RunResult uninterrupted = run(spec(reference, tmp.resolve("ref.log")));

    Path dir = tmp.resolve("crashed");
    Path log = tmp.resolve("crashed.log");
    run(spec(dir, log));
    // Simulate a crash in the second batch: 30 of 72 samples kept (batch 1 = 24 samples of 4
    // examples, plus 6 of batch 2), scores of batch 1 only, a torn line at the end of each file,
    // and the status of a run that never finished.
    keepLines(dir.resolve(RunStore.SAMPLES), 30, "{\"model\":\"scri");
    keepLines(dir.resolve(RunStore.SCORES), 4, "{\"mo");
    Files.delete(dir.resolve(RunStore.METRICS_JSON));
    RunInfo info = RunStore.readInfo(dir);
    Files.writeString(
        dir.resolve(RunStore.RUN_JSON),
        Json.mapper().writeValueAsString(info.withStatus(RunStatus.STARTED, null)));
    Files.delete(log);

    RunResult resumed = run(spec(dir, log));

    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.samplesGenerated()).isEqualTo(EXAMPLES * SAMPLES - 30);
    List<String> calls = Files.readAllLines(log);
    assertThat(calls.stream().filter(c -> c.startsWith("gen "))).hasSize(EXAMPLES * SAMPLES - 30);
    // batch 1 (4 examples) was verified before the crash: not one of its samples is judged again
    assertThat(calls.stream()
            .filter(c -> c.startsWith("score "))
            .map(c -> c.split("[ #]")[1])
            .distinct())
        .doesNotContainAnyElementsOf(uninterruptedFirstBatch(reference));
    assertThat(samples(dir)).hasSize(EXAMPLES * SAMPLES);
    assertThat(scores(dir)).hasSize(EXAMPLES);
    JsonNode resumedMetrics = Json.mapper().valueToTree(resumed.metrics());
    JsonNode uninterruptedMetrics = Json.mapper().valueToTree(uninterrupted.metrics());
    assertThat(resumedMetrics).isEqualTo(uninterruptedMetrics);
    assertThat(RunStore.readInfo(dir).attempts()).isEqualTo(2);
  }

  private static List<String> uninterruptedFirstBatch(Path dir) {
    return scores(dir).stream().limit(4).map(ScoreRecord::exampleId).toList();
  }

  private static void keepLines(Path file, int lines, String tornTail) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    Files.writeString(
        file,
        String.join("\n", all.subList(0, lines)) + "\n" + tornTail,
        StandardCharsets.UTF_8,
        StandardOpenOption.TRUNCATE_EXISTING);
  }
}
