package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's commands, messages and exit codes, run in-process. */
class CommandLineTest {

  @TempDir
  Path tmp;

  private static InProcessGvgap.Result gvgap(String... args) {
    return InProcessGvgap.run(args);
  }

  private Path spec(String text) throws IOException {
    Path file = tmp.resolve("spec.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static final String GOOD = """
      name: toy
      models:
        - backend: scripted
      tasks:
        - name: toy-sums
          limit: 6
      generation: {samples: 4, batch_examples: 4}
      verifiers:
        - name: scripted-judge
        - name: oracle
      filters:
        - name: threshold
          sweep: {tau: [0.5, 0.9]}
        - name: best-of-n
      metrics: {bootstrap: 50, pass_at_k: [1, 2]}
      """;

  @Test
  void pluginsListsEveryProviderWithItsJar() {
    InProcessGvgap.Result r = gvgap("plugins");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("KIND", "FROM")
        .containsPattern(
            "task +gsm8k +io\\.gvgap\\.tasks\\.gsm8k\\.Gsm8kProvider +\\S+ +\\S*(gvgap-tasks|tasks/target/classes)")
        .containsPattern("filter +quantile +io\\.gvgap\\.filters\\.QuantileFilter")
        .containsPattern("verifier +oracle +io\\.gvgap\\.verifiers\\.OracleVerifier");
  }

  @Test
  void validateAcceptsAGoodSpecAndSaysWhatItWillRun() throws IOException {
    InProcessGvgap.Result r = gvgap("validate", spec(GOOD).toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("valid", "threshold(tau=0.5)", "threshold(tau=0.9)", "strategies  6");
  }

  @Test
  void validateRejectsAnUnknownPluginInASpecWithFileLineFieldAndExitCode3() throws IOException {
    Path file = spec(GOOD.replace("name: oracle", "name: oracel"));
    InProcessGvgap.Result r = gvgap("validate", file.toString());
    // a plugin that cannot be found is exit code 3 wherever it is named, as in 'gvgap tasks show
    // NAME'
    assertThat(r.code()).isEqualTo(ExitCodes.PLUGINS);
    assertThat(r.err())
        .contains("spec.yaml:10:")
        .contains("verifiers[1]")
        .contains("did you mean 'oracle'");
  }

  @Test
  void runPrintsTheGapTableAndWritesTheRunDirectory() throws IOException {
    Path out = tmp.resolve("run");
    InProcessGvgap.Result r =
        gvgap("--quiet", "run", spec(GOOD).toString(), "--output", out.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("scripted on toy-sums: 6 prompts", "J(f[w])", "threshold(tau=0.9)", "best-of-n");
    assertThat(RunStore.readInfo(out).status()).isEqualTo(RunStatus.SUCCESS);
    // the oracle keeps exactly the correct samples: its threshold(0.5) row has precision 1
    assertThat(r.out()).containsPattern("oracle +threshold\\(tau=0\\.5\\)");
  }

  @Test
  void aStrategyThatKeptNothingIsNamedAndHasNoGapInsteadOfAZeroGap() throws IOException {
    Path out = tmp.resolve("run-empty");
    String text = GOOD.replace(
        "  - name: best-of-n\n",
        "  - name: best-of-n\n  - name: keep-above\n    options: {tau: 2}\n");
    InProcessGvgap.Result r =
        gvgap("--quiet", "run", spec(text).toString(), "--output", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // scores are in [0, 1], so keep-above(tau=2) keeps nothing on any of the 6 prompts
    assertThat(r.out())
        .containsPattern(
            "scripted-judge +keep-above +n/a +n/a +n/a +[0-9.]+ +n/a +n/a +n/a +0\\.0%  nothing kept on 6 of 6"
                + " prompts");
  }

  @Test
  void rankFiltersShowTheAskedKeptFractionBesideTheAchievedOne() throws IOException {
    Path out = tmp.resolve("run-asked");
    String text = GOOD.replace(
        "  - name: best-of-n\n",
        "  - name: best-of-n\n  - name: quantile\n    options: {alpha: 0.5}\n");
    InProcessGvgap.Result r =
        gvgap("--quiet", "run", spec(text).toString(), "--output", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    // 4 samples per prompt: quantile(0.5) is asked for ceil(0.5 x 4) = 2 of 4 on every fully scored
    // prompt, best-of-n for 1 of 4; threshold keeps by score and has no asked fraction
    JsonNode metrics = Json.mapper().readTree(out.resolve("metrics.json").toFile());
    JsonNode strategies = metrics.path("groups").get(0).path("metrics").path("strategies");
    for (JsonNode s : strategies) {
      String filter = s.path("filter").asText();
      if (s.path("verifier").asText().equals("oracle")) {
        double expected =
            filter.equals("quantile") ? 0.5 : filter.equals("best-of-n") ? 0.25 : Double.NaN;
        if (Double.isNaN(expected)) {
          assertThat(s.path("askedFraction").isNull()).as(filter).isTrue();
        } else {
          assertThat(s.path("askedFraction").asDouble()).as(filter).isEqualTo(expected);
        }
      }
    }
    assertThat(r.out())
        .containsPattern("oracle +quantile .* 50\\.0% +[0-9.]+%")
        .containsPattern("oracle +best-of-n .* 25\\.0% +[0-9.]+%")
        .containsPattern("oracle +threshold\\(tau=0\\.5\\) .* n/a +[0-9.]+%");
  }

  @Test
  void aRunDirectoryOfAnotherSpecIsRefusedWithExitCode4() throws IOException {
    Path out = tmp.resolve("run");
    assertThat(gvgap("--quiet", "run", spec(GOOD).toString(), "--output", out.toString())
            .code())
        .isZero();
    InProcessGvgap.Result r = gvgap(
        "--quiet",
        "run",
        spec(GOOD.replace("samples: 4", "samples: 3")).toString(),
        "--output",
        out.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
    assertThat(r.err()).contains("holds a run of a different spec");
  }

  @Test
  void aMissingPluginPathIsAPluginErrorWithExitCode3() {
    InProcessGvgap.Result r = gvgap("--plugin-path", tmp.resolve("nope.jar").toString(), "plugins");
    assertThat(r.code()).isEqualTo(ExitCodes.PLUGINS);
    assertThat(r.err()).contains("nope.jar");
  }

  @Test
  void unknownCommandIsAUsageError() {
    InProcessGvgap.Result r = gvgap("runn");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void everyRunWritesAReportAndReportRerendersAPartialRunFromItsDirectory() throws IOException {
    Path out = tmp.resolve("run");
    InProcessGvgap.Result run =
        gvgap("--quiet", "run", spec(GOOD).toString(), "--output", out.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("report: ");
    assertThat(out.resolve("report.html"))
        .content()
        .contains("Content-Security-Policy")
        .doesNotContain("id=\"partial-banner\"");

    // as if the run had crashed before its metrics: the report recomputes them and says partial
    Files.delete(out.resolve(RunStore.METRICS_JSON));
    Files.writeString(
        out.resolve(RunStore.RUN_JSON),
        Files.readString(out.resolve(RunStore.RUN_JSON)).replace("\"SUCCESS\"", "\"STARTED\""));
    Path partial = tmp.resolve("partial.html");
    InProcessGvgap.Result report = gvgap("report", out.toString(), "-o", partial.toString());
    assertThat(report.err()).contains(out + " is PARTIAL: run.json says STARTED");
    assertThat(report.code()).isZero();
    assertThat(partial)
        .content()
        .contains("id=\"partial-banner\"")
        .contains("computed for this report over the complete examples");
  }

  @Test
  void reportOfADirectoryThatIsNotARunFailsWithExitCode4() throws IOException {
    Path notRun = Files.createDirectories(tmp.resolve("nothing"));
    InProcessGvgap.Result r = gvgap("report", notRun.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
    assertThat(r.err()).contains("not a gvgap run directory");
  }

  @Test
  void anEnsembleReadsTheScoresOfTheVerifiersBeforeIt() throws IOException {
    Path out = tmp.resolve("run");
    String spec = GOOD.replace(
        "  - name: oracle\n",
        "  - name: oracle\n  - name: ensemble\n"
            + "    options: {members: [scripted-judge, oracle], mode: and, threshold: 0.5}\n");
    InProcessGvgap.Result r =
        gvgap("--quiet", "run", spec(spec).toString(), "--output", out.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    java.util.Map<String, java.util.Map<String, Double>> byVerifier = new java.util.HashMap<>();
    io.gvgap.core.store.JsonLinesReader.read(
        out.resolve(RunStore.SCORES),
        io.gvgap.core.store.ScoreRecord.class,
        rec -> rec.scores()
            .forEach(s -> byVerifier
                .computeIfAbsent(rec.verifier(), k -> new java.util.HashMap<>())
                .put(rec.exampleId() + "#" + s.sampleIndex(), s.value())));
    assertThat(byVerifier.get("ensemble")).hasSize(24);
    int accepted = 0;
    for (var e : byVerifier.get("ensemble").entrySet()) {
      Double judge = byVerifier.get("scripted-judge").get(e.getKey());
      double oracle = byVerifier.get("oracle").get(e.getKey());
      if (judge == null) {
        assertThat(e.getValue())
            .as("a sample the judge could not score has no ensemble score")
            .isNull();
      } else {
        double expected = judge >= 0.5 && oracle >= 0.5 ? 1 : 0;
        assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected);
        accepted += (int) expected;
      }
    }
    assertThat(accepted).isPositive();
  }

  /** A benchmark file that ships in the repository's data/ folder; surefire runs in cli/, so walk up to it. */
  private static Path benchmarkData(String file) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("data").resolve(file))) {
        return dir.resolve("data").resolve(file);
      }
    }
    throw new IllegalStateException("data/" + file
        + " is missing from the repository; restore it with" + " `git checkout -- data`");
  }

  @Test
  void tasksShowPrintsOptionsPromptsAndReferences() {
    InProcessGvgap.Result r = gvgap("tasks", "show", "arithmetic", "-O", "digits=3", "-n", "2");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("task arithmetic", "digits", "--- example", "--- reference ---");
    assertThat(r.out().split("--- example", -1)).hasSize(3);
  }

  @Test
  void utilityScoresCompletionsMadeElsewhereAndReportsUnknownIds() throws IOException {
    Path data = benchmarkData("gsm8k/test.jsonl");
    List<String> lines = Files.readAllLines(data).subList(0, 3);
    // ids of the gsm8k task are 1-based line numbers; feed the gold solutions, one wrong answer,
    // one unknown id
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String answer =
          io.gvgap.core.store.Json.mapper().readTree(lines.get(i)).get("answer").asText();
      in.append(io.gvgap.core.store.Json.mapper()
              .writeValueAsString(
                  java.util.Map.of("id", String.valueOf(i + 1), "completion", answer)))
          .append('\n');
    }
    in.append("{\"id\": \"1\", \"completion\": \"The answer is 123456789.\"}\n");
    in.append("{\"id\": \"no-such-id\", \"completion\": \"The answer is 1.\"}\n");
    Path input = tmp.resolve("completions.jsonl");
    Files.writeString(input, in);
    Path output = tmp.resolve("scored.jsonl");
    InProcessGvgap.Result r = gvgap(
        "utility",
        "--task",
        "gsm8k",
        "--data",
        data.toString(),
        "-i",
        input.toString(),
        "-o",
        output.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
    // 3 gold solutions score 1, the wrong final answer scores 0: mean 3/4
    assertThat(r.err())
        .contains("4 completions scored, mean utility 0.7500")
        .contains("no-such-id (line 5)");
    List<String> scored = Files.readAllLines(output);
    assertThat(scored).hasSize(4);
    assertThat(scored.get(3)).contains("\"utility\":0.0").contains("\"extracted\":true");
  }

  @Test
  void crossVerificationJudgesWithTheNamedModel() throws IOException {
    Path genLog = tmp.resolve("generator.log");
    Path judgeLog = tmp.resolve("judge.log");
    String spec = GOOD.replace(
        "models:\n  - backend: scripted\n",
        "models:\n  - {label: gen, backend: scripted, options: {log: \""
            + genLog.toString().replace("\\", "/") + "\"}}\n"
            + "  - {label: judge, backend: scripted, options: {log: \""
            + judgeLog.toString().replace("\\", "/") + "\"}}\n"
            + "verification: {model: judge}\n");
    InProcessGvgap.Result r = gvgap(
        "--quiet", "run", spec(spec).toString(), "--output", tmp.resolve("run").toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    // both models generate (each is a generator of the run) but only the judge is asked to score
    assertThat(Files.readAllLines(genLog)).isNotEmpty().allMatch(l -> l.startsWith("gen "));
    assertThat(Files.readAllLines(judgeLog)).anyMatch(l -> l.startsWith("score "));
  }

  @Test
  void duplicateClustersOfEachPromptAreWrittenAndShownInTheDrillDown() throws IOException {
    Path out = tmp.resolve("run");
    assertThat(gvgap("--quiet", "run", spec(GOOD).toString(), "--output", out.toString())
            .code())
        .isZero();
    // independent reference: the scripted model's samples are short, so clusters are the groups of
    // identical texts within a prompt (size >= 2), each listed by sample index
    java.util.Map<String, java.util.Map<String, java.util.List<Integer>>> byText =
        new java.util.TreeMap<>();
    io.gvgap.core.store.JsonLinesReader.read(
        out.resolve(RunStore.SAMPLES),
        io.gvgap.core.store.SampleRecord.class,
        smp -> byText
            .computeIfAbsent(smp.exampleId(), k -> new java.util.TreeMap<>())
            .computeIfAbsent(smp.text(), k -> new java.util.ArrayList<>())
            .add(smp.sampleIndex()));
    java.util.Map<String, java.util.Set<java.util.List<Integer>>> expected =
        new java.util.TreeMap<>();
    byText.forEach((id, groups) -> groups.values().stream()
        .filter(g -> g.size() > 1)
        .forEach(g -> expected
            .computeIfAbsent(id, k -> new java.util.HashSet<>())
            .add(g.stream().sorted().toList())));
    java.util.Map<String, java.util.Set<java.util.List<Integer>>> written =
        new java.util.TreeMap<>();
    for (var example : io.gvgap.core.store.Json.mapper()
        .readTree(out.resolve("duplicates.json").toFile())
        .get("examples")) {
      for (var cluster : example.get("clusters")) {
        java.util.List<Integer> members = new java.util.ArrayList<>();
        cluster.get("members").forEach(m -> members.add(m.asInt()));
        written
            .computeIfAbsent(example.get("exampleId").asText(), k -> new java.util.HashSet<>())
            .add(members);
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(written).isEqualTo(expected);
    assertThat(out.resolve("report.html")).content().containsPattern("\"d\":[0-9]+");
  }

  @Test
  void validateChecksImprovementAndScalingSpecsWithTheirOwnSections() {
    // the repository's demo specs: each has a study section that a plain run spec may not have
    Path examples = Path.of("..", "examples", "specs");
    InProcessGvgap.Result improve =
        gvgap("validate", examples.resolve("demo-improve.yaml").toString());
    assertThat(improve.code()).as(improve.err()).isZero();
    assertThat(improve.out())
        .contains(
            "valid",
            "study       improve: 2 rounds, distilling majority/quantile(alpha=0.25) (train split only),"
                + " update continue; split: train share 0.5, seed 5");
    InProcessGvgap.Result scaling =
        gvgap("validate", examples.resolve("demo-scaling.yaml").toString());
    assertThat(scaling.code()).as(scaling.err()).isZero();
    assertThat(scaling.out()).contains("study       scaling over 10 models");
    InProcessGvgap.Result sudoku =
        gvgap("validate", examples.resolve("demo-sudoku.yaml").toString());
    assertThat(sudoku.code()).as(sudoku.err()).isZero();
    assertThat(sudoku.out())
        .contains(
            "valid", "study       improve: 2 rounds, distilling majority/quantile(alpha=0.25)");
    InProcessGvgap.Result findings =
        gvgap("validate", examples.resolve("findings-sudoku.yaml").toString());
    assertThat(findings.code()).as(findings.err()).isZero();
  }
}
