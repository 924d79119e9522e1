package io.gvgap.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.core.store.DirectoryLock;
import io.gvgap.core.store.DirectoryLockedException;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.Shard;
import io.gvgap.onnx.cli.ModelInitRunner;
import io.gvgap.reports.RunData;
import io.gvgap.studies.ImproveSpec;
import io.gvgap.studies.ImproveSpecLoader;
import io.gvgap.studies.ScalingSpec;
import io.gvgap.studies.ScalingSpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's kinds of work on the scripted model, each leaving a complete run directory. */
class LauncherTest {

  @TempDir
  Path tmp;

  private final PluginRegistry registry = PluginRegistry.load(LauncherTest.class.getClassLoader());
  private final Launcher launcher = Launcher.create(registry, Progress.NONE);

  private Path specFile(String models, String extra) throws Exception {
    Path file = tmp.resolve("spec.yaml");
    Files.writeString(
        file, """
        name: toy
        output: "%s"
        models:
          %s
        tasks:
          - name: toy-sums
            limit: 4
        generation: {samples: 3, batch_examples: 2}
        verifiers:
          - name: scripted-judge
        filters:
          - name: keep-above
        metrics: {bootstrap: 10}
        """.formatted(tmp.resolve("out").toString().replace("\\", "/"), models) + extra);
    return file;
  }

  private ResolvedRunSpec resolve(Path file) {
    return RunSpecResolver.resolve(RunSpecLoader.load(file), registry, file);
  }

  private static void assertObservedAndVersioned(Path dir) throws Exception {
    assertThat(dir.resolve("index")).isDirectory();
    assertThat(dir.resolve("diversity.json")).isRegularFile();
    assertThat(dir.resolve("duplicates.json")).isRegularFile();
    assertThat(Json.mapper()
            .readTree(dir.resolve(RunStore.RUN_JSON).toFile())
            .path("gvgapVersion")
            .asText())
        .isEqualTo(GvgapVersion.current());
  }

  @Test
  void evaluateWritesTheRunTheObserversArtefactsAndTheReport() throws Exception {
    Path file = specFile("- backend: scripted", "");
    RunResult result = launcher.evaluate(resolve(file), Files.readString(file));
    assertThat(result.samplesGenerated()).isEqualTo(12);
    assertObservedAndVersioned(result.directory());
    assertThat(result.directory().resolve(Launcher.REPORT_FILE)).isRegularFile();
  }

  @Test
  void aShardIsObservedLikeAWholeRun() throws Exception {
    Path file = specFile("- backend: scripted", "");
    RunResult result =
        launcher.evaluate(resolve(file).withOutput(tmp.resolve("shard")), "x", new Shard(1, 2));
    assertThat(result.samplesGenerated()).isEqualTo(6);
    assertObservedAndVersioned(tmp.resolve("shard"));
  }

  @Test
  void theExecutorGivenToStudiesRunsWithTheObserversToo() throws Exception {
    Path file = specFile("- backend: scripted", "");
    RunResult result = launcher.executor().run(resolve(file), "x");
    assertObservedAndVersioned(result.directory());
    assertThat(result.directory().resolve(Launcher.REPORT_FILE)).doesNotExist();
    assertThat(launcher.executor().metrics(resolve(file))).isEqualTo(result.metrics());
  }

  @Test
  void scaleFitsTheFamilyInAnObservedRun() throws Exception {
    Path file = specFile(
        "- {label: a, backend: scripted}\n  - {label: b, backend: scripted}",
        "scaling:\n  flops: {a: 1.0e9, b: 1.0e11}\n");
    ScalingSpec scaling = ScalingSpecLoader.load(file);
    ScalingFile fits =
        launcher.scale(scaling, RunSpecResolver.resolve(scaling.run(), registry, file), "x");
    Path dir = Path.of(fits.runDirectory());
    assertThat(dir.resolve(ScalingFile.FILE)).isRegularFile();
    assertThat(dir.resolve(Launcher.REPORT_FILE)).isRegularFile();
    assertObservedAndVersioned(dir);
  }

  @Test
  void reportOfAPartialRunComputesMetricsAndWritesOnlyTheReport() throws Exception {
    Path file = specFile("- backend: scripted", "");
    Path dir = launcher.executor().run(resolve(file), "x").directory();
    Files.delete(dir.resolve(RunStore.METRICS_JSON));
    List<String> before;
    try (Stream<Path> files = Files.list(dir)) {
      before = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    Path out = tmp.resolve("elsewhere.html");
    List<RunData> runs = launcher.report(List.of(dir), out);
    assertThat(out).isRegularFile();
    assertThat(runs.get(0).metricsSource()).isEqualTo(RunData.MetricsSource.COMPUTED_FOR_REPORT);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(before);
    }
  }

  @Test
  void anImprovementStudyIsRefusedWhileAnotherHoldsItsDirectory() throws Exception {
    ModelInitRunner.run(tmp.resolve("m"), 1, 16, 2, 128, 0, true, 1);
    Path file = specFile(
        "- {label: m, backend: onnx, options: {path: \""
            + tmp.resolve("m").toString().replace("\\", "/") + "\"}}",
        "improve:\n  rounds: 1\n  verifier: scripted-judge\n  filter: keep-above\n");
    ImproveSpec improve = ImproveSpecLoader.load(file);
    ResolvedRunSpec base = RunSpecResolver.resolve(improve.run(), registry, file);
    try (DirectoryLock other = DirectoryLock.acquire(base.output(), "gvgap improve 'toy'")) {
      assertThatThrownBy(() -> launcher.improve(improve, base, "x", line -> {}, step -> {}))
          .isInstanceOf(DirectoryLockedException.class)
          .hasMessageContaining(
              base.output() + " is in use by pid " + ProcessHandle.current().pid());
    }
    assertThat(base.output().resolve("round-0")).doesNotExist();
  }

  @Test
  void aReportIsNeverWrittenOverARunsRecords() throws Exception {
    Path file = specFile("- backend: scripted", "");
    Path dir = launcher.executor().run(resolve(file), "x").directory();
    byte[] samples = Files.readAllBytes(dir.resolve(RunStore.SAMPLES));
    assertThatThrownBy(() -> launcher.report(List.of(dir), dir.resolve(RunStore.SAMPLES)))
        .hasMessageContaining("inside the run directory");
    assertThat(Files.readAllBytes(dir.resolve(RunStore.SAMPLES))).isEqualTo(samples);
  }

  @Test
  void aReportOfNoRunIsRefused() {
    assertThatThrownBy(() -> launcher.report(List.of(), tmp.resolve("r.html")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name at least one");
  }
}
