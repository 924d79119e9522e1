package io.gvgap.bench.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What one benchmark run measures, written by {@code GenerationBenchmark prepare} as
 * {@code plan.json} and read by the gvgap runner, {@code crosscheck/bench.mjs} (transformers.js)
 * and the table, so that all of them use the same models, prompts, sampling and threads.
 *
 * @param threads intra-op threads of every ONNX Runtime session (gvgap, transformers.js, matmul)
 * @param temperature sampling temperature
 * @param topP nucleus mass
 * @param topK top-k cut (0: none)
 * @param seed gvgap's sampling seed
 * @param runs the (model, workload) pairs, in table order
 */
public record BenchmarkPlan(
    int threads, double temperature, double topP, int topK, long seed, List<BenchmarkRun> runs) {
  /** The file name inside the benchmark directory. */
  public static final String FILE = "plan.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes {@code directory/plan.json}. */
  public void write(Path directory) throws IOException {
    JSON.writeValue(directory.resolve(FILE).toFile(), this);
  }

  /** Reads {@code directory/plan.json}; fails naming the file and the command that makes it. */
  public static BenchmarkPlan read(Path directory) throws IOException {
    Path file = directory.resolve(FILE);
    if (!file.toFile().isFile()) {
      throw new IllegalArgumentException(
          file + " is missing: run `GenerationBenchmark prepare --dir " + directory + "` first");
    }
    return JSON.readValue(file.toFile(), BenchmarkPlan.class);
  }
}
