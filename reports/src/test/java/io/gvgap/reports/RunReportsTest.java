package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.NoOptions;
import io.gvgap.core.pipeline.RunPipeline;
import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.GenerationSettings;
import io.gvgap.core.spec.MetricsSettingsSpec;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.testing.KeepAboveFilter;
import io.gvgap.testing.ScriptedBackend;
import io.gvgap.testing.ToySumsTask;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-rendering real run directories (the scripted test model from gvgap-testing) after simulated
 * crashes: the metrics a partial run gets are those the pipeline itself computes over the same
 * complete examples.
 */
class RunReportsTest {

  private static final int EXAMPLES = 8;
  private static final int SAMPLES = 4;

  @TempDir
  Path tmp;

  private final PluginRegistry registry =
      PluginRegistry.load(RunReportsTest.class.getClassLoader());

  /** Runs toy-sums on the scripted model into {@code dir}: one verifier, so one score line per example. */
  private RunMetrics run(Path dir) {
    return new RunPipeline(registry, Progress.NONE, "test")
        .run(spec(dir), "name: toy\n")
        .metrics();
  }

  private static ResolvedRunSpec spec(Path dir) {
    return new ResolvedRunSpec(
        "toy",
        dir,
        42,
        List.of(new ResolvedModel("scripted", "scripted", new ScriptedBackend.Options(null, 0))),
        List.of(new ResolvedTask("toy-sums", "toy-sums", EXAMPLES, 3, new ToySumsTask.Options(50))),
        new GenerationSettings(SAMPLES, 0.7, 0.9, 0, 64, 4),
        null,
        List.of(new ResolvedComponent("judge", "scripted-judge", new NoOptions())),
        List.of(new ResolvedComponent(
            "keep-above(tau=0.5)", "keep-above", new KeepAboveFilter.Options(0.5))),
        new MetricsSettingsSpec(50, 0.95, List.of(1, 2), "fallback"));
  }

  /** What a crash before the end leaves: no metrics.json, and run.json still saying STARTED. */
  private static void crashBeforeMetrics(Path dir) throws IOException {
    Files.delete(dir.resolve(RunStore.METRICS_JSON));
    Path info = dir.resolve(RunStore.RUN_JSON);
    Files.writeString(info, Files.readString(info).replace("\"SUCCESS\"", "\"STARTED\""));
  }

  private static RunMetrics metricsFile(Path dir) throws IOException {
    return Json.mapper().readValue(dir.resolve(RunStore.METRICS_JSON).toFile(), RunMetrics.class);
  }

  @Test
  void aCompleteRunKeepsTheMetricsOfItsMetricsJson() throws IOException {
    Path dir = tmp.resolve("run");
    run(dir);
    RunData data = RunReports.read(dir);
    assertThat(data.metricsSource()).isEqualTo(RunData.MetricsSource.METRICS_JSON);
    assertThat(data.metrics()).isEqualTo(metricsFile(dir));
    assertThat(data.partial()).isFalse();
  }

  @Test
  void aRunThatCrashedBeforeItsMetricsGetsTheMetricsTheRunWouldHaveWritten() throws IOException {
    Path dir = tmp.resolve("run");
    RunMetrics written = run(dir);
    crashBeforeMetrics(dir);
    // the directory moved since the run: spec.json's output must not be where metrics are read
    Path moved = Files.move(dir, tmp.resolve("moved"));
    RunData data = RunReports.read(moved);
    assertThat(data.metricsSource()).isEqualTo(RunData.MetricsSource.COMPUTED_FOR_REPORT);
    assertThat(data.metrics()).isEqualTo(written);
    // partial for its status only: the metrics are no longer missing
    assertThat(data.partialReasons())
        .singleElement()
        .asString()
        .startsWith("run.json says STARTED");
  }

  @Test
  void aRunCutOffMidwayGetsMetricsOverItsScoredExamplesOnly() throws IOException {
    Path dir = tmp.resolve("run");
    run(dir);
    crashBeforeMetrics(dir);
    // keep the scores of the first 3 examples: one verifier, so one line per example, and the other
    // 5
    // examples have samples but no scores
    Path scores = dir.resolve(RunStore.SCORES);
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines).hasSize(EXAMPLES);
    Files.write(scores, lines.subList(0, 3));
    RunData data = RunReports.read(dir);
    GroupResult group = data.metrics().groups().get(0);
    assertThat(group.incompleteExamples()).isEqualTo(EXAMPLES - 3);
    assertThat(group.metrics().prompts()).isEqualTo(3);
    assertThat(data.partialReasons())
        .anyMatch(r -> r.contains("scripted/toy-sums: 5 incomplete examples"));
  }

  @Test
  void aRunWithoutAnyScoredExampleKeepsNoMetricsAndSaysSo() throws IOException {
    Path dir = tmp.resolve("run");
    run(dir);
    crashBeforeMetrics(dir);
    Files.writeString(dir.resolve(RunStore.SCORES), "");
    RunData data = RunReports.read(dir);
    assertThat(data.metrics()).isNull();
    assertThat(data.metricsSource()).isEqualTo(RunData.MetricsSource.NONE);
    assertThat(data.partialReasons()).anyMatch(r -> r.startsWith("metrics.json is missing"));
  }

  @Test
  void aRunWithoutMetricsRendersWithNoPluginAtHandFromItsStoredWeights() throws IOException {
    Path dir = tmp.resolve("run");
    RunMetrics written = run(dir);
    crashBeforeMetrics(dir);
    // a registry that sees no plugin jar at all: no task, backend, verifier or filter
    PluginRegistry none =
        PluginRegistry.load(new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader()));
    assertThat(none.all()).isEmpty();

    RunData data = RunReports.read(dir);
    assertThat(data.metricsSource()).isEqualTo(RunData.MetricsSource.COMPUTED_FOR_REPORT);
    assertThat(data.metrics()).isEqualTo(written);
    Path out = tmp.resolve("report.html");
    RunReports.write(List.of(dir), out);
    // the gap table and the drill-down with each strategy's kept samples are there
    assertThat(out).content().contains("toy-sums", "keep-above(tau=0.5)", "\"strategies\"");
  }

  @Test
  void aRunWrittenBeforeWeightsWereStoredSaysHowToGetThemAndARerunAddsThem() throws IOException {
    Path dir = tmp.resolve("run");
    RunMetrics written = run(dir);
    crashBeforeMetrics(dir);
    Files.delete(dir.resolve(RunStore.WEIGHTS));
    RunData data = RunReports.read(dir);
    assertThat(data.metrics()).isNull();
    assertThat(data.partialReasons())
        .anyMatch(r -> r.startsWith("metrics.json is missing")
            && r.contains("no weights.jsonl")
            && r.contains("run its spec on this directory again"));

    // rerunning the spec adds the weights and nothing else: no sample generated or scored again
    RunResult resumed =
        new RunPipeline(registry, Progress.NONE, "test").run(spec(dir), "name: toy\n");
    assertThat(resumed.samplesGenerated()).isZero();
    assertThat(resumed.examplesVerified()).isZero();
    assertThat(Files.readAllLines(dir.resolve(RunStore.WEIGHTS))).hasSize(EXAMPLES);
    assertThat(resumed.metrics()).isEqualTo(written);
  }

  @Test
  void writeRendersSeveralRunsIntoOnePartialReport() throws IOException {
    Path complete = tmp.resolve("complete");
    Path crashed = tmp.resolve("crashed");
    run(complete);
    run(crashed);
    crashBeforeMetrics(crashed);
    Path out = tmp.resolve("out/report.html");
    RunReports.write(List.of(complete, crashed), out);
    assertThat(out)
        .content()
        .contains("Content-Security-Policy", "id=\"partial-banner\"", "toy-sums");
  }

  @Test
  void writeRefusesNoRunAndANonRunDirectory() throws IOException {
    Path out = tmp.resolve("report.html");
    assertThatThrownBy(() -> RunReports.write(List.of(), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no run directory");
    Path notRun = Files.createDirectories(tmp.resolve("nothing"));
    assertThatThrownBy(() -> RunReports.write(List.of(notRun), out))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("not a gvgap run directory");
    assertThat(out).doesNotExist();
  }
}
