package io.gvgap.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.cli.GvgapCommand;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunStore;
import io.gvgap.launcher.GvgapVersion;
import io.gvgap.launcher.Launcher;
import io.gvgap.onnx.cli.ModelInitRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every entry point goes through the launcher, so every run directory holds the same artefacts:
 * {@code gvgap run}, {@code gvgap run --shard} + {@code gvgap merge}, {@code gvgap scaling},
 * {@code gvgap improve} (each round), {@code gvgap report} and the goals {@code gvgap:evaluate},
 * {@code gvgap:improve} and {@code gvgap:report} — the Lucene sample index and {@code diversity.json}
 * included, with gvgap's one version in every {@code run.json}.
 */
class EntryPointArtefactsTest {

  @TempDir
  Path tmp;

  private static final String RUN = """
      name: toy
      output: %s
      seed: 5
      models:
        %s
      tasks:
        - name: toy-sums
          limit: 6
      generation: {samples: 4, batch_examples: 2}
      verifiers:
        - name: scripted-judge
        - name: oracle
      filters:
        - name: threshold
          sweep: {tau: [0.5]}
        - name: best-of-n
      metrics: {bootstrap: 20}
      """;

  private static final String ONE_MODEL = "- backend: scripted";

  private static final String IMPROVE = """
      name: study
      output: %1$s/study
      seed: 7
      improve:
        rounds: 1
        verifier: logprob
        filter: best-of-n
        distillation: {steps: 2, batch: 2, checkpoint_every: 0}
      models:
        - {label: tiny, backend: onnx, options: {path: "%1$s/tiny", threads: 1}}
      tasks: [{name: arithmetic, limit: 2, seed: 3, options: {digits: 1, shots: 0}}]
      generation: {samples: 2, max_tokens: 6, temperature: 1.0}
      verifiers: [{name: logprob}, {name: oracle}]
      filters: [{name: best-of-n}]
      metrics: {bootstrap: 10}
      """;

  private static String slashes(Path path) {
    return path.toString().replace("\\", "/");
  }

  private Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** Runs {@code gvgap ARGS...} in this JVM; fails the test with its error output on a non-zero exit. */
  private static String gvgap(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new GvgapCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    assertThat(code).as("gvgap %s\n%s", String.join(" ", args), err).isZero();
    return out.toString();
  }

  /** The names of the files and folders directly inside a directory. */
  private static Set<String> entries(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .map(p -> p.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Set<String> without(Set<String> names, String... removed) {
    Set<String> copy = new TreeSet<>(names);
    List.of(removed).forEach(copy::remove);
    return copy;
  }

  private static JsonNode json(Path file) throws IOException {
    return Json.mapper().readTree(file.toFile());
  }

  private static void assertRecordsTheVersion(Path runDir) throws IOException {
    assertThat(json(runDir.resolve(RunStore.RUN_JSON)).path("gvgapVersion").asText())
        .as(runDir.toString())
        .isEqualTo(GvgapVersion.current());
  }

  @Test
  void everyCommandAndGoalWritesTheSameArtefacts() throws Exception {
    // gvgap run: the reference
    Path spec = write("toy.yaml", RUN.formatted(slashes(tmp.resolve("unused")), ONE_MODEL));
    gvgap("--quiet", "run", spec.toString(), "-o", tmp.resolve("run").toString());
    Set<String> reference = entries(tmp.resolve("run"));
    PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());
    List<String> observed = Launcher.create(registry, Progress.NONE).observers().artefacts();
    assertThat(observed).contains("index", "diversity.json");
    assertThat(reference)
        .containsAll(observed)
        .contains(
            RunStore.RUN_JSON,
            RunStore.SAMPLES,
            RunStore.SCORES,
            RunStore.METRICS_JSON,
            Launcher.REPORT_FILE);
    assertThat(tmp.resolve("run/index")).isDirectory();
    assertRecordsTheVersion(tmp.resolve("run"));

    // gvgap run --shard + gvgap merge
    for (int i = 0; i < 2; i++) {
      gvgap(
          "--quiet",
          "run",
          spec.toString(),
          "--shard",
          i + "/2",
          "-o",
          tmp.resolve("shard-" + i).toString());
      assertThat(entries(tmp.resolve("shard-" + i))).as("shard " + i).isEqualTo(reference);
    }
    gvgap(
        "--quiet",
        "merge",
        tmp.resolve("merged").toString(),
        tmp.resolve("shard-0").toString(),
        tmp.resolve("shard-1").toString());
    assertThat(entries(tmp.resolve("merged"))).isEqualTo(reference);
    assertRecordsTheVersion(tmp.resolve("merged"));
    assertThat(json(tmp.resolve("merged/diversity.json")))
        .isEqualTo(json(tmp.resolve("run/diversity.json")));

    // gvgap scaling: the same run directory, plus scaling.json
    Path scaling = write(
        "family.yaml",
        RUN.formatted(
                slashes(tmp.resolve("scaling")),
                "- {label: a, backend: scripted}\n  - {label: b, backend: scripted}")
            + "scaling:\n  flops: {a: 1.0e9, b: 1.0e10}\n");
    gvgap("--quiet", "scaling", scaling.toString());
    assertThat(entries(tmp.resolve("scaling")))
        .isEqualTo(new TreeSet<>(
            Stream.concat(reference.stream(), Stream.of("scaling.json")).toList()));
    assertRecordsTheVersion(tmp.resolve("scaling"));
    assertThat(json(tmp.resolve("scaling/diversity.json")).path("groups")).hasSize(2);

    // gvgap report: rewrites the report, adds nothing
    Files.delete(tmp.resolve("run").resolve(Launcher.REPORT_FILE));
    gvgap("--quiet", "report", tmp.resolve("run").toString());
    assertThat(entries(tmp.resolve("run"))).isEqualTo(reference);

    // gvgap improve: every round's run directory as any run's; the study's report beside
    // rounds.json
    ModelInitRunner.run(tmp.resolve("tiny"), 1, 16, 2, 160, 0, true, 3);
    Path improve = write("improve.yaml", IMPROVE.formatted(slashes(tmp)));
    gvgap("--quiet", "improve", improve.toString());
    for (String round : List.of("round-0", "round-1")) {
      Path roundDir = tmp.resolve("study").resolve(round);
      assertThat(entries(roundDir)).as(round).isEqualTo(without(reference, Launcher.REPORT_FILE));
      assertRecordsTheVersion(roundDir);
    }
    assertThat(tmp.resolve("study").resolve(Launcher.REPORT_FILE)).isRegularFile();

    // gvgap:evaluate, gvgap:report
    CapturingLog log = new CapturingLog();
    EvaluateMojo evaluate = new EvaluateMojo();
    evaluate.setLog(log);
    evaluate.specFile = spec.toFile();
    evaluate.projectDirectory = tmp.toFile();
    evaluate.buildDirectory = tmp.resolve("target").toFile();
    evaluate.outputDirectory = tmp.resolve("target/gvgap").toFile();
    evaluate.artifactId = "demo";
    evaluate.gapStrategy = BuildGates.BEST;
    evaluate.execute();
    Path mavenRun = tmp.resolve("target/gvgap/toy");
    assertThat(entries(mavenRun)).isEqualTo(reference);
    assertRecordsTheVersion(mavenRun);
    assertThat(json(mavenRun.resolve("diversity.json")))
        .isEqualTo(json(tmp.resolve("run/diversity.json")));
    Files.delete(mavenRun.resolve(Launcher.REPORT_FILE));
    ReportMojo report = new ReportMojo();
    report.setLog(log);
    report.outputDirectory = tmp.resolve("target/gvgap").toFile();
    report.execute();
    assertThat(entries(mavenRun)).isEqualTo(reference);

    // gvgap:improve
    ImproveMojo improveGoal = new ImproveMojo();
    improveGoal.setLog(log);
    improveGoal.specFile = improve.toFile();
    improveGoal.projectDirectory = tmp.toFile();
    improveGoal.buildDirectory = tmp.resolve("target").toFile();
    improveGoal.outputDirectory = tmp.resolve("target/gvgap").toFile();
    improveGoal.artifactId = "demo";
    improveGoal.execute();
    for (String round : List.of("round-0", "round-1")) {
      Path roundDir = tmp.resolve("target/gvgap/study").resolve(round);
      assertThat(entries(roundDir))
          .as("gvgap:improve " + round)
          .isEqualTo(without(reference, Launcher.REPORT_FILE));
    }
  }
}
