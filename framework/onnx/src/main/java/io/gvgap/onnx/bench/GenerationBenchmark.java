package io.gvgap.onnx.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.runtime.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The generation benchmark's command line, run by {@code bench/generation.sh} in steps around
 * {@code crosscheck/bench.mjs} (transformers.js):
 * <ol>
 *   <li>{@code prepare --dir DIR}: writes the model directories, the prompts and {@code plan.json},
 *       and removes earlier results;</li>
 *   <li>{@code ceiling --dir DIR}: measures the matmul ceiling ({@code ceiling.json});</li>
 *   <li>{@code gvgap --dir DIR [--run INDEX]}: measures gvgap's generation on one run of the plan
 *       (or all), appending to {@code results-gvgap.jsonl}; the script alternates it with
 *       transformers.js run by run, so both see the machine in the same state;</li>
 *   <li>{@code table --dir DIR}: prints the table of all {@code results-*.jsonl} (also {@code table.md}).</li>
 * </ol>
 * Options of {@code prepare}: {@code --threads N} (2), {@code --small WORKLOADS} and
 * {@code --gpt2 WORKLOADS} (the GPT-2-small-shaped model; empty to skip), each a comma-separated
 * list of {@code PROMPTSxSAMPLES[:PROMPTSxSAMPLES]}: the workload gvgap runs in full, and the part
 * of it transformers.js runs (see {@link BenchmarkRun#transformersJsPrompts()}; default: all),
 * {@code --new-tokens N} (64),
 * {@code --prompt-chars N} (300), {@code --small-batch-rows N} and {@code --gpt2-batch-rows N}
 * (gvgap's rows per call), {@code --small-tjs-rows N} and {@code --gpt2-tjs-rows N}
 * (transformers.js's samples per generate call).
 */
public final class GenerationBenchmark {
  /**
   * The default workloads of the small model: 32 prompts x 16 samples and 8 prompts x 128 samples
   * in full for gvgap; transformers.js runs 4 of the 32 prompts and 1 of the 8 (with all their
   * samples), which keeps the whole run within about 10 minutes on two cores.
   */
  public static final String SMALL_WORKLOADS = "32x16:4x16,8x128:1x128";
  /**
   * The default workloads of the GPT-2-small-shaped model: fewer prompts and samples (2 x 16 and
   * 1 x 32 for gvgap; one generate call of 16 samples for transformers.js), for the same time limit.
   */
  public static final String GPT2_WORKLOADS = "2x16:1x16,1x32:1x16";

  private static final ObjectMapper JSON = new ObjectMapper();

  private GenerationBenchmark() {
  }

  /** Runs one step; see the class comment. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: GenerationBenchmark prepare|gvgap|table --dir DIR [options]");
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    Path dir = Path.of(require(options, "dir"));
    switch (args[0]) {
      case "prepare" -> prepare(dir, only(options, "dir", "threads", "small", "gpt2", "new-tokens", "prompt-chars",
          "small-batch-rows", "gpt2-batch-rows", "small-tjs-rows", "gpt2-tjs-rows"));
      case "ceiling" -> measureCeiling(dir, only(options, "dir"));
      case "gvgap" -> measureGvgap(dir, only(options, "dir", "run"));
      case "table" -> System.out.print(table(dir, only(options, "dir")));
      default -> throw new IllegalArgumentException("unknown step '" + args[0] + "': use prepare, ceiling, gvgap or table");
    }
  }

  /** Writes models, prompts and the plan. */
  static BenchmarkPlan prepare(Path dir, Map<String, String> options) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path old : files.filter(f -> f.getFileName().toString().matches("results-.*\\.jsonl|ceiling\\.json|table\\.md"))
          .toList()) {
        Files.delete(old);
      }
    }
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    int newTokens = Integer.parseInt(options.getOrDefault("new-tokens", "64"));
    int promptChars = Integer.parseInt(options.getOrDefault("prompt-chars", "300"));
    List<BenchmarkRun> runs = new ArrayList<>();
    addRuns(runs, dir, BenchmarkModel.small(), options.getOrDefault("small", SMALL_WORKLOADS), newTokens, promptChars,
        Integer.parseInt(options.getOrDefault("small-batch-rows", "256")),
        Integer.parseInt(options.getOrDefault("small-tjs-rows", "128")));
    addRuns(runs, dir, BenchmarkModel.gpt2Small(), options.getOrDefault("gpt2", GPT2_WORKLOADS), newTokens, promptChars,
        Integer.parseInt(options.getOrDefault("gpt2-batch-rows", "64")),
        Integer.parseInt(options.getOrDefault("gpt2-tjs-rows", "16")));
    // the paper's sampling setting (temperature 0.7, top-p 0.9, no top-k)
    BenchmarkPlan plan = new BenchmarkPlan(threads, 0.7, 0.9, 0, 1, runs);
    plan.write(dir);
    return plan;
  }

  private static void addRuns(List<BenchmarkRun> runs, Path dir, BenchmarkModel model, String workloads, int newTokens,
      int promptChars, int gvgapRows, int transformersJsRows) throws IOException {
    if (workloads.isBlank()) {
      return;
    }
    Path modelDir = dir.resolve("models").resolve(model.name());
    // always written afresh: a directory left by an older gvgap may hold an older graph
    System.err.println("writing " + modelDir);
    model.write(modelDir);
    try (TextTokenizer tokenizer = TextTokenizer.open(modelDir)) {
      for (String text : workloads.split(",")) {
        String[] parts = text.split(":");
        Workload workload = Workload.parse(parts[0], newTokens);
        Workload transformersJs = parts.length > 1 ? Workload.parse(parts[1], newTokens) : workload;
        List<String> prompts = FewShotPrompts.build(workload.prompts(), promptChars, 1);
        StringBuilder lines = new StringBuilder();
        long tokens = 0;
        for (int p = 0; p < prompts.size(); p++) {
          lines.append(JSON.writeValueAsString(Map.of("id", "p" + p, "prompt", prompts.get(p)))).append('\n');
          tokens += tokenizer.encode(prompts.get(p), true).length;
        }
        Path promptsFile = dir.resolve("prompts-" + model.name() + "-" + workload.label() + ".jsonl");
        Files.writeString(promptsFile, lines);
        runs.add(new BenchmarkRun(model.name(), modelDir.toAbsolutePath().toString(), workload,
            promptsFile.toAbsolutePath().toString(), (double) tokens / prompts.size(), gvgapRows,
            Math.min(transformersJsRows, transformersJs.samples()), transformersJs.prompts(), transformersJs.samples()));
      }
    }
  }

  private static void measureCeiling(Path dir, Map<String, String> options) throws Exception {
    BenchmarkPlan plan = BenchmarkPlan.read(dir);
    // a decoder MLP's product (width 768, 4 x 768 inner) for 512 rows: large enough to reach the peak
    int m = 512;
    int k = 768;
    int n = 3072;
    try (MatmulCeiling ceiling = new MatmulCeiling(m, k, n, plan.threads())) {
      MatmulMeasurement measured = new MatmulMeasurement(m, k, n, plan.threads(), ceiling.measure(1, 3));
      JSON.writeValue(dir.resolve(MatmulMeasurement.FILE).toFile(), measured);
      System.err.printf("matmul ceiling: %.1f GFLOP/s%n", measured.flopsPerSecond() / 1e9);
    }
  }

  private static void measureGvgap(Path dir, Map<String, String> options) throws Exception {
    BenchmarkPlan plan = BenchmarkPlan.read(dir);
    List<BenchmarkRun> runs = plan.runs();
    if (options.containsKey("run")) {
      int index = Integer.parseInt(options.get("run"));
      if (index < 0 || index >= runs.size()) {
        throw new IllegalArgumentException("--run " + index + " is not a run of " + dir.resolve(BenchmarkPlan.FILE)
            + ", which has runs 0.." + (runs.size() - 1));
      }
      runs = List.of(runs.get(index));
    }
    Path results = dir.resolve("results-gvgap.jsonl");
    for (BenchmarkRun run : runs) {
      BenchmarkResult result = GvgapRunner.run(plan, run);
      System.err.printf("gvgap %s %s: %d tokens in %.2f s (%.2f CPU-s), %.1f tokens/s%n", run.model(),
          result.workload(), result.generatedTokens(), result.seconds(), result.cpuSeconds(), result.tokensPerSecond());
      Files.writeString(results, JSON.writeValueAsString(result) + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /** The table of all results in {@code dir}, also written to {@code dir/table.md}. */
  static String table(Path dir, Map<String, String> options) throws IOException {
    BenchmarkPlan plan = BenchmarkPlan.read(dir);
    Path ceilingFile = dir.resolve(MatmulMeasurement.FILE);
    if (!Files.isRegularFile(ceilingFile)) {
      throw new IllegalArgumentException(ceilingFile + " is missing: run `GenerationBenchmark gvgap --dir " + dir
          + "` first");
    }
    MatmulMeasurement ceiling = JSON.readValue(ceilingFile.toFile(), MatmulMeasurement.class);
    List<BenchmarkResult> results = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("results-.*\\.jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            results.add(JSON.readValue(line, BenchmarkResult.class));
          }
        }
      }
    }
    String table = ResultTable.format(plan, ceiling, results);
    Files.writeString(dir.resolve("table.md"), table);
    return table;
  }

  /** The options, after checking that each is one of {@code allowed}: a misspelled option is an error. */
  static Map<String, String> only(Map<String, String> options, String... allowed) {
    List<String> known = List.of(allowed);
    for (String name : options.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + " for this step; known: --"
            + String.join(", --", known));
      }
    }
    return options;
  }

  /** {@code --name value} pairs. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + String.join(" ", args) + "'");
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
