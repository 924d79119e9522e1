package io.gvgap.bench.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.onnx.runtime.TextTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gvgap-bench generation}: the generation benchmark's steps, run by {@code bench/generation.sh}
 * around {@code crosscheck/bench.mjs} (transformers.js):
 * <ol>
 *   <li>{@code prepare --dir DIR}: writes the model directories, the prompts and {@code plan.json},
 *       and removes earlier results;</li>
 *   <li>{@code ceiling --dir DIR}: measures the matmul ceiling and the memory bandwidth (one more line of {@code ceiling.jsonl}; the script measures before and after its runs);</li>
 *   <li>{@code gvgap --dir DIR [--run INDEX]}: measures gvgap's generation on one run of the plan
 *       (or all), appending to {@code results-gvgap.jsonl}; the script alternates it with
 *       transformers.js run by run, so both see the machine in the same state;</li>
 *   <li>{@code table --dir DIR}: prints the table of all {@code results-*.jsonl} (also {@code table.md}).</li>
 * </ol>
 * The small workloads run on each model of {@code --small-model}: by default the trained member
 * {@value TrainedBenchmarkModel#DEFAULT} on the held-out prompts of the task it was trained on, and
 * {@code random}, the random-weight 4 x 256 decoder on word-problem prompts (the shape of earlier
 * figures). The GPT-2-small-shaped model has random weights (no trained model of that shape can be had
 * offline) with its token embedding scaled so that its next-token distributions are peaked.
 * Workloads ({@code --small}, {@code --gpt2}) are comma-separated lists of
 * {@code PROMPTSxSAMPLES[:PROMPTSxSAMPLES]}: the workload gvgap runs in full, and the part of it
 * transformers.js runs (see {@link BenchmarkRun#transformersJsPrompts()}; default: all).
 */
@Command(
    name = "generation",
    mixinStandardHelpOptions = true,
    description =
        "gvgap's onnx backend against transformers.js on the same models (steps of bench/generation.sh).")
public final class GenerationBenchmark {
  /**
   * The default workloads of the small model: 32 prompts x 16 samples and 8 prompts x 128 samples
   * in full for gvgap; transformers.js runs 4 of the 32 prompts and 1 of the 8 (with all their
   * samples), which keeps the whole run within about 10 minutes on two cores.
   */
  public static final String SMALL_WORKLOADS = "32x16:4x16,8x128:1x128";
  /**
   * The default workload of the GPT-2-small-shaped model: the paper's shape, 1 prompt x 64 samples
   * (of {@code --gpt2-new-tokens} tokens after a {@code --gpt2-prompt-chars} prompt); transformers.js
   * runs 16 of the 64 samples (one generate call), for the time limit.
   */
  public static final String GPT2_WORKLOADS = "1x64:1x16";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** For picocli, which creates the command. */
  public GenerationBenchmark() {}

  /** Step {@code prepare}: writes models, prompts and the plan. */
  @Command(
      name = "prepare",
      mixinStandardHelpOptions = true,
      description =
          "Writes the model directories, the prompts and plan.json into DIR; removes earlier results.")
  void prepareCommand(
      @Option(names = "--dir", required = true, description = "the benchmark's folder") Path dir,
      @Option(
              names = "--threads",
              defaultValue = "2",
              description = "ONNX Runtime threads (default ${DEFAULT-VALUE})")
          int threads,
      @Option(
              names = "--small",
              defaultValue = SMALL_WORKLOADS,
              description =
                  "workloads of the small model; empty to skip (default ${DEFAULT-VALUE})")
          String small,
      @Option(
              names = "--small-model",
              defaultValue = TrainedBenchmarkModel.DEFAULT + "," + TrainedBenchmarkModel.RANDOM,
              description =
                  "the small workloads' models, comma-separated: a trained gvgap model directory,"
                      + " run on the held-out prompts of family v4's arithmetic task (--prompt-chars"
                      + " does not apply), or '"
                      + TrainedBenchmarkModel.RANDOM
                      + "' for the random-weight 4 x 256 decoder on word problems"
                      + " (default ${DEFAULT-VALUE}, from the repository root)")
          String smallModel,
      @Option(
              names = "--trained-shots",
              defaultValue = "3",
              description =
                  "solved problems in a trained model's prompts (the members were trained"
                      + " on 3; 5 give a 727-token prompt, near the paper's ~600) (default ${DEFAULT-VALUE})")
          int trainedShots,
      @Option(
              names = "--gpt2",
              defaultValue = GPT2_WORKLOADS,
              description =
                  "workloads of the GPT-2-small-shaped model; empty to skip (default ${DEFAULT-VALUE})")
          String gpt2,
      @Option(
              names = "--new-tokens",
              defaultValue = "64",
              description = "new tokens per sample, small model (default ${DEFAULT-VALUE})")
          int newTokens,
      @Option(
              names = "--prompt-chars",
              defaultValue = "300",
              description = "characters per prompt, small model (default ${DEFAULT-VALUE})")
          int promptChars,
      @Option(
              names = "--gpt2-new-tokens",
              defaultValue = "128",
              description = "new tokens per sample, GPT-2 shape (default ${DEFAULT-VALUE})")
          int gpt2NewTokens,
      @Option(
              names = "--gpt2-prompt-chars",
              defaultValue = "600",
              description = "characters per prompt, GPT-2 shape (default ${DEFAULT-VALUE})")
          int gpt2PromptChars,
      @Option(
              names = "--small-batch-rows",
              defaultValue = "256",
              description = "gvgap's rows per call, small model (default ${DEFAULT-VALUE})")
          int smallBatchRows,
      @Option(
              names = "--gpt2-batch-rows",
              defaultValue = "64",
              description = "gvgap's rows per call, GPT-2 shape (default ${DEFAULT-VALUE})")
          int gpt2BatchRows,
      @Option(
              names = "--small-tjs-rows",
              defaultValue = "128",
              description =
                  "transformers.js's samples per generate call, small model (default ${DEFAULT-VALUE})")
          int smallTjsRows,
      @Option(
              names = "--gpt2-tjs-rows",
              defaultValue = "16",
              description =
                  "transformers.js's samples per generate call, GPT-2 shape (default ${DEFAULT-VALUE})")
          int gpt2TjsRows)
      throws IOException {
    prepare(
        dir,
        threads,
        smallModel,
        trainedShots,
        new ModelWorkloads(small, smallBatchRows, smallTjsRows, newTokens, promptChars),
        new ModelWorkloads(gpt2, gpt2BatchRows, gpt2TjsRows, gpt2NewTokens, gpt2PromptChars));
  }

  /** Step {@code ceiling}. */
  @Command(
      name = "ceiling",
      mixinStandardHelpOptions = true,
      description =
          "Measures ONNX Runtime's matmul rate and memory bandwidth with the plan's threads"
              + " (appends a line to ceiling.jsonl).")
  void ceilingCommand(
      @Option(names = "--dir", required = true, description = "the benchmark's folder") Path dir)
      throws Exception {
    measureCeiling(dir);
  }

  /** Step {@code gvgap}. */
  @Command(
      name = "gvgap",
      mixinStandardHelpOptions = true,
      description =
          "Measures gvgap's generation on one run of the plan (or all); appends to results-gvgap.jsonl.")
  void gvgapCommand(
      @Option(names = "--dir", required = true, description = "the benchmark's folder") Path dir,
      @Option(names = "--run", description = "index of the plan's run (default: all)") Integer run,
      @Option(
              names = "--generic",
              description = "use the generic decode path (Concat caches, as for models gvgap did"
                  + " not write) instead of the shared-prefix step")
          boolean generic)
      throws Exception {
    measureGvgap(dir, run, !generic);
  }

  /** Step {@code memory}. */
  @Command(
      name = "memory",
      mixinStandardHelpOptions = true,
      description = "Generates SAMPLES samples of the first prompt of one run and prints the KV"
          + " cache sizes and the process's peak RSS (run it once per sample count, in a fresh"
          + " JVM); appends to memory.jsonl.")
  void memoryCommand(
      @Option(names = "--dir", required = true, description = "the benchmark's folder") Path dir,
      @Option(names = "--run", defaultValue = "0", description = "index of the plan's run") int run,
      @Option(names = "--samples", required = true, description = "samples of the prompt")
          int samples,
      @Option(
              names = "--new-tokens",
              defaultValue = "16",
              description = "new tokens per sample, small model (default ${DEFAULT-VALUE})")
          int newTokens,
      @Option(names = "--generic", description = "use the generic decode path") boolean generic)
      throws Exception {
    BenchmarkPlan plan = BenchmarkPlan.read(dir);
    BenchmarkRun each = plan.runs().get(run);
    GenerationRequest first =
        GvgapRunner.requests(Path.of(each.promptsFile()), samples).get(0);
    try (OnnxLanguageModel model = OnnxLanguageModel.open(
        Path.of(each.modelDir()), plan.threads(), "cpu", each.gvgapBatchRows(), !generic)) {
      model.generateSamples(
          List.of(first),
          new SamplingParams(plan.temperature(), plan.topP(), plan.topK(), newTokens, plan.seed()));
      long[] cache = model.lastCacheBytes();
      long peakKb = peakResidentKilobytes();
      Map<String, Object> line = new java.util.LinkedHashMap<>();
      line.put("path", generic ? ResultTable.GVGAP_GENERIC : ResultTable.GVGAP);
      line.put("model", each.model());
      line.put("promptTokens", each.meanPromptTokens());
      line.put("samples", samples);
      line.put("newTokens", newTokens);
      line.put("promptCacheMiB", cache[0] / 1048576.0);
      line.put("sampleCacheMiB", cache[1] / 1048576.0);
      line.put("peakRssMiB", peakKb / 1024.0);
      String json = JSON.writeValueAsString(line);
      System.out.println(json);
      Files.writeString(
          dir.resolve("memory.jsonl"),
          json + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /** The process's peak resident set (VmHWM of /proc/self/status), in KiB; -1 where unknown. */
  static long peakResidentKilobytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** Step {@code table}. */
  @Command(
      name = "table",
      mixinStandardHelpOptions = true,
      description = "Prints the table of all results-*.jsonl in DIR (also written to table.md).")
  void tableCommand(
      @Option(names = "--dir", required = true, description = "the benchmark's folder") Path dir)
      throws IOException {
    System.out.print(table(dir));
  }

  /**
   * One model's workloads and batch sizes.
   *
   * @param workloads comma-separated {@code PROMPTSxSAMPLES[:PROMPTSxSAMPLES]}; blank for none
   * @param gvgapRows gvgap's rows per call
   * @param transformersJsRows transformers.js's samples per generate call
   * @param newTokens new tokens per sample
   * @param promptChars characters per prompt
   */
  record ModelWorkloads(
      String workloads, int gvgapRows, int transformersJsRows, int newTokens, int promptChars) {}

  /** Writes models, prompts and the plan. */
  static BenchmarkPlan prepare(
      Path dir,
      int threads,
      String smallModel,
      int trainedShots,
      ModelWorkloads small,
      ModelWorkloads gpt2)
      throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path old : files
          .filter(f -> f.getFileName()
              .toString()
              .matches("results-.*\\.jsonl|ceiling\\.jsonl?|table\\.md|memory\\.jsonl"))
          .toList()) {
        Files.delete(old);
      }
    }
    List<BenchmarkRun> runs = new ArrayList<>();
    if (!small.workloads().isBlank()) {
      for (String each : smallModel.split(",")) {
        if (each.trim().equals(TrainedBenchmarkModel.RANDOM)) {
          addRuns(runs, dir, randomModel(BenchmarkModel.small(), small.promptChars()), small);
        } else {
          TrainedBenchmarkModel trained = new TrainedBenchmarkModel(Path.of(each.trim()));
          addRuns(
              runs,
              dir,
              new ModelSource(
                  trained.name(),
                  trained::write,
                  count -> TrainedBenchmarkModel.prompts(count, trainedShots)),
              small);
        }
      }
    }
    addRuns(runs, dir, randomModel(BenchmarkModel.gpt2Small(), gpt2.promptChars()), gpt2);
    // the paper's sampling setting (temperature 0.7, top-p 0.9, no top-k)
    BenchmarkPlan plan = new BenchmarkPlan(threads, 0.7, 0.9, 0, 1, runs);
    plan.write(dir);
    return plan;
  }

  /**
   * A model the plan runs: its name in the table, how its directory is written, and its prompts.
   *
   * @param name the table's name of the model
   * @param writer writes the model directory
   * @param prompts the first {@code count} prompts of its workloads
   */
  private record ModelSource(String name, DirectoryWriter writer, PromptSource prompts) {}

  /** Writes a model directory. */
  @FunctionalInterface
  private interface DirectoryWriter {
    void write(Path directory) throws IOException;
  }

  /** The first {@code count} prompts of a model's workloads. */
  @FunctionalInterface
  private interface PromptSource {
    List<String> prompts(int count);
  }

  private static ModelSource randomModel(BenchmarkModel model, int promptChars) {
    return new ModelSource(
        model.name(), model::write, count -> FewShotPrompts.build(count, promptChars, 1));
  }

  private static void addRuns(
      List<BenchmarkRun> runs, Path dir, ModelSource model, ModelWorkloads workloads)
      throws IOException {
    if (workloads.workloads().isBlank()) {
      return;
    }
    Path modelDir = dir.resolve("models").resolve(model.name());
    // always written afresh: a directory left by an older gvgap may hold an older graph
    System.err.println("writing " + modelDir);
    model.writer().write(modelDir);
    try (TextTokenizer tokenizer = TextTokenizer.open(modelDir)) {
      for (String text : workloads.workloads().split(",")) {
        String[] parts = text.split(":");
        Workload workload = Workload.parse(parts[0], workloads.newTokens());
        Workload transformersJs =
            parts.length > 1 ? Workload.parse(parts[1], workloads.newTokens()) : workload;
        List<String> prompts = model.prompts().prompts(workload.prompts());
        StringBuilder lines = new StringBuilder();
        long tokens = 0;
        for (int p = 0; p < prompts.size(); p++) {
          lines
              .append(JSON.writeValueAsString(Map.of("id", "p" + p, "prompt", prompts.get(p))))
              .append('\n');
          tokens += tokenizer.encode(prompts.get(p), true).length;
        }
        Path promptsFile =
            dir.resolve("prompts-" + model.name() + "-" + workload.label() + ".jsonl");
        Files.writeString(promptsFile, lines);
        runs.add(new BenchmarkRun(
            model.name(),
            modelDir.toAbsolutePath().toString(),
            workload,
            promptsFile.toAbsolutePath().toString(),
            (double) tokens / prompts.size(),
            workloads.gvgapRows(),
            Math.min(workloads.transformersJsRows(), transformersJs.samples()),
            transformersJs.prompts(),
            transformersJs.samples()));
      }
    }
  }

  private static void measureCeiling(Path dir) throws Exception {
    BenchmarkPlan plan = BenchmarkPlan.read(dir);
    // a decoder MLP's product (width 768, 4 x 768 inner) for 512 rows: large enough to reach the
    // peak
    int m = 512;
    int k = 768;
    int n = 3072;
    double flops;
    try (MatmulCeiling ceiling = new MatmulCeiling(m, k, n, plan.threads())) {
      flops = ceiling.measure(1, 3);
    }
    double bytes;
    // 64 Mi floats: 256 MiB read and 256 MiB written per run, far beyond the caches
    try (MemoryBandwidth bandwidth = new MemoryBandwidth(1 << 26, plan.threads())) {
      bytes = bandwidth.measure(1, 3);
    }
    MatmulMeasurement measured = new MatmulMeasurement(m, k, n, plan.threads(), flops, bytes);
    // every measurement is kept (the script measures before and after the runs); the table uses
    // the highest
    Files.writeString(
        dir.resolve(MatmulMeasurement.FILE),
        JSON.writeValueAsString(measured) + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    System.err.printf(
        "matmul rate: %.1f GFLOP/s; memory bandwidth: %.1f GB/s%n", flops / 1e9, bytes / 1e9);
  }

  private static void measureGvgap(Path dir, Integer run, boolean sharedPrefix) throws Exception {
    BenchmarkPlan plan = BenchmarkPlan.read(dir);
    List<BenchmarkRun> runs = plan.runs();
    if (run != null) {
      int index = run;
      if (index < 0 || index >= runs.size()) {
        throw new IllegalArgumentException("--run " + index + " is not a run of "
            + dir.resolve(BenchmarkPlan.FILE) + ", which has runs 0.." + (runs.size() - 1));
      }
      runs = List.of(runs.get(index));
    }
    Path results = dir.resolve("results-gvgap.jsonl");
    for (BenchmarkRun each : runs) {
      BenchmarkResult result = GvgapRunner.run(plan, each, sharedPrefix);
      System.err.printf(
          "%s %s %s: %d tokens in %.2f s (%.2f CPU-s), %.1f tokens/s%n",
          result.implementation(),
          each.model(),
          result.workload(),
          result.generatedTokens(),
          result.seconds(),
          result.cpuSeconds(),
          result.tokensPerSecond());
      Files.writeString(
          results,
          JSON.writeValueAsString(result) + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /** The table of all results in {@code dir}, also written to {@code dir/table.md}. */
  static String table(Path dir) throws IOException {
    BenchmarkPlan plan = BenchmarkPlan.read(dir);
    Path ceilingFile = dir.resolve(MatmulMeasurement.FILE);
    if (!Files.isRegularFile(ceilingFile)) {
      throw new IllegalArgumentException(ceilingFile
          + " is missing: run `gvgap-bench generation ceiling --dir " + dir + "` first");
    }
    List<MatmulMeasurement> ceilings = new ArrayList<>();
    for (String line : Files.readAllLines(ceilingFile)) {
      if (!line.isBlank()) {
        ceilings.add(JSON.readValue(line, MatmulMeasurement.class));
      }
    }
    if (ceilings.isEmpty()) {
      throw new IllegalArgumentException(ceilingFile
          + " holds no measurement: run `gvgap-bench generation ceiling --dir " + dir + "`");
    }
    List<BenchmarkResult> results = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files
          .filter(f -> f.getFileName().toString().matches("results-.*\\.jsonl"))
          .sorted()
          .toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            results.add(JSON.readValue(line, BenchmarkResult.class));
          }
        }
      }
    }
    String table = ResultTable.format(plan, ceilings, results);
    Files.writeString(dir.resolve("table.md"), table);
    return table;
  }
}
