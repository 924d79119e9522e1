package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.bench.BenchCommand;
import io.gvgap.onnx.runtime.ModelConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark's steps end to end through {@code gvgap-bench generation} on the small model and a tiny workload (no transformers.js). */
class GenerationBenchmarkTest {
  @TempDir
  Path dir;

  private StringWriter err = new StringWriter();

  @Test
  void prepareThenGvgapThenTableOnATinyWorkload() throws Exception {
    assertThat(prepareRandom("3x2:1x2", "--new-tokens", "5", "--prompt-chars", "120"))
        .isZero();
    BenchmarkPlan plan = BenchmarkPlan.read(dir);
    assertThat(plan.runs()).hasSize(1);
    BenchmarkRun run = plan.runs().get(0);
    assertThat(run.workload()).isEqualTo(new Workload(3, 2, 5));
    assertThat(List.of(run.transformersJsPrompts(), run.transformersJsSamples()))
        .containsExactly(1, 2);
    // the model has no end-of-sequence id, so every sample runs to its 5 tokens
    assertThat(ModelConfig.read(Path.of(run.modelDir())).eosIds()).isEmpty();
    List<String> prompts = Files.readAllLines(Path.of(run.promptsFile()));
    assertThat(prompts).hasSize(3);
    // character-level tokenizer: one token per character, no special tokens added
    ObjectMapper json = new ObjectMapper();
    double meanCharacters =
        prompts.stream().mapToInt(l -> readPrompt(json, l).length()).average().orElseThrow();
    assertThat(run.meanPromptTokens()).isEqualTo(meanCharacters);

    assertThat(bench("gvgap", "--dir", dir.toString(), "--run", "0")).isZero();
    List<String> results = Files.readAllLines(dir.resolve("results-gvgap.jsonl"));
    assertThat(results).hasSize(1);
    BenchmarkResult result = json.readValue(results.get(0), BenchmarkResult.class);
    // 3 prompts x 2 samples x 5 tokens
    assertThat(result.generatedTokens()).isEqualTo(30);
    assertThat(result.seconds()).isPositive();

    Files.writeString(
        dir.resolve(MatmulMeasurement.FILE),
        json.writeValueAsString(new MatmulMeasurement(1, 1, 1, 2, 1e9, 1e9)));
    assertThat(GenerationBenchmark.table(dir)).contains("| small | 3x2 | 1x2 |");
    assertThat(dir.resolve("table.md")).exists();

    // preparing again removes the earlier results
    assertThat(prepareRandom("1x1")).isZero();
    assertThat(dir.resolve("results-gvgap.jsonl")).doesNotExist();
    assertThat(dir.resolve(MatmulMeasurement.FILE)).doesNotExist();
  }

  @Test
  void misspelledOptionsAndMissingStepsFailClearly() {
    assertThat(bench("prepare", "--dir", dir.toString(), "--smal", "1x1")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown options: '--smal'", "Possible solutions: --small");
    assertThat(bench("table", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("plan.json is missing");
    assertThat(prepareRandom("2x2:3x1")).isEqualTo(2);
    assertThat(err.toString()).contains("must lie within the workload 2x2");
    assertThat(bench(
            "prepare",
            "--dir",
            dir.toString(),
            "--small-model",
            dir.resolve("none").toString(),
            "--gpt2",
            ""))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("--small-model " + dir.resolve("none") + ": no model.onnx there")
        .contains("or 'random' for the random-weight model");
    assertThat(bench("prepare")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--dir=<dir>'");
  }

  @Test
  void theSmallWorkloadsRunATrainedMemberOnItsTasksPrompts() throws Exception {
    Path member = Path.of("..", TrainedBenchmarkModel.DEFAULT);
    assertThat(bench(
            "prepare",
            "--dir",
            dir.toString(),
            "--small-model",
            member.toString(),
            "--small",
            "2x2:1x2",
            "--gpt2",
            "",
            "--new-tokens",
            "4"))
        .isZero();
    BenchmarkRun run = BenchmarkPlan.read(dir).runs().get(0);
    assertThat(run.model()).isEqualTo("arith4-4x144");
    // a copy, with the end-of-text id removed; the committed directory keeps its own
    assertThat(Path.of(run.modelDir()))
        .isEqualTo(dir.resolve("models/arith4-4x144").toAbsolutePath());
    assertThat(ModelConfig.read(Path.of(run.modelDir())).eosIds()).isEmpty();
    assertThat(ModelConfig.read(member).eosIds()).isNotEmpty();
    // the prompts are the held-out 3-shot prompts of family v4's arithmetic task, seed 0
    ObjectMapper json = new ObjectMapper();
    List<String> prompts = Files.readAllLines(Path.of(run.promptsFile())).stream()
        .map(l -> readPrompt(json, l))
        .toList();
    assertThat(prompts).isEqualTo(TrainedBenchmarkModel.prompts(2));
    var task = new io.gvgap.tasks.arithmetic.ArithmeticTask(
        io.gvgap.models.FamilyMember.ARITHMETIC_MIX_OPTIONS);
    var first = task.examples(new io.gvgap.api.task.ExampleRequest(1, 0)).get(0);
    assertThat(prompts.get(0)).isEqualTo(task.generationPrompt(first).text());
    assertThat(run.meanPromptTokens())
        .isEqualTo(prompts.stream().mapToInt(String::length).average().orElseThrow());

    // 6 shots: the paper's ~600-token prompt, the same question after three more solved problems
    List<String> sixShot = TrainedBenchmarkModel.prompts(2, 6);
    assertThat(sixShot.get(0))
        .endsWith(prompts.get(0).substring(prompts.get(0).lastIndexOf("Question:")));
    assertThat(sixShot.get(0).length()).isBetween(500, 900);

    assertThat(bench("gvgap", "--dir", dir.toString(), "--run", "0")).isZero();
    BenchmarkResult result = json.readValue(
        Files.readAllLines(dir.resolve("results-gvgap.jsonl")).get(0), BenchmarkResult.class);
    // 2 prompts x 2 samples x 4 tokens: no sample ends early
    assertThat(result.generatedTokens()).isEqualTo(16);
    Files.writeString(
        dir.resolve(MatmulMeasurement.FILE),
        json.writeValueAsString(new MatmulMeasurement(1, 1, 1, 2, 1e9, 1e9)));
    // the roofline is computed for the member's own shape (4 x 144), read from its config.json
    assertThat(GenerationBenchmark.table(dir)).contains("| arith4-4x144 | 2x2 | 1x2 |");
  }

  /** {@code prepare} of {@code small} workloads on the random small model only, then {@code more}. */
  private int prepareRandom(String small, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of(
        "prepare",
        "--dir",
        dir.toString(),
        "--small-model",
        "random",
        "--small",
        small,
        "--gpt2",
        ""));
    args.addAll(List.of(more));
    return bench(args.toArray(String[]::new));
  }

  /** Runs {@code gvgap-bench generation ARGS...}, its error output in {@link #err}; returns the exit code. */
  private int bench(String... args) {
    err = new StringWriter();
    CommandLine commandLine = BenchCommand.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "generation";
    System.arraycopy(args, 0, all, 1, args.length);
    return commandLine.execute(all);
  }

  private static String readPrompt(ObjectMapper json, String line) {
    try {
      return json.readTree(line).get("prompt").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
