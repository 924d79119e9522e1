package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {
  /** The model directory the runs name: only its config.json, the small random model's shape. */
  @TempDir
  static Path modelDir;

  @BeforeEach
  void writeConfig() throws IOException {
    new ObjectMapper()
        .writeValue(
            modelDir.resolve("config.json").toFile(),
            ModelDirectory.configJson(BenchmarkModel.small().config()));
  }

  private static BenchmarkRun run(String workload, int transformersJsSamples) {
    return new BenchmarkRun(
        "small",
        modelDir.toString(),
        Workload.parse(workload, 64),
        "/p.jsonl",
        300,
        256,
        128,
        1,
        transformersJsSamples);
  }

  @Test
  void rowsGiveRatesSpeedUpsRooflinesAndFractions() {
    BenchmarkPlan plan = new BenchmarkPlan(2, 0.7, 0.9, 0, 1, List.of(run("8x128", 128)));
    MatmulMeasurement machine = new MatmulMeasurement(512, 768, 3072, 2, 1e10, 1e10);
    List<BenchmarkResult> results = List.of(
        new BenchmarkResult("gvgap", "small", "8x128", 1000, 2, 4),
        new BenchmarkResult("gvgap-generic", "small", "8x128", 1000, 5, 6),
        new BenchmarkResult("transformers.js", "small", "8x128", 1000, 10, 16));
    String table = ResultTable.format(plan, machine, results);
    assertThat(table)
        .contains("matmul 10.0 GFLOP/s", "memory bandwidth 10.0 GB/s")
        .contains("temperature 0.7, top-p 0.9, top-k 0; 2 threads")
        .contains("transformers.js does not implement top-p");
    // small model, 300 prompt tokens, 64 new: 7,699,456 FLOPs per token (keys 300 + 63/2; see
    // DecoderFlopsTest). A step decodes 256 rows (the batch rows) of 2 prompts (128 samples each):
    // 1,971,060,736 FLOPs = 0.19711 s at 10 GFLOP/s. Bytes: weights 3,315,712 params x 4 =
    // 13,262,848; logits 2 x 256 x 98 x 4 = 200,704; KV 8,192 bytes per token (2 x 4 layers x 256
    // x 4), shared-prefix (2 x 300 + 256 x 31.5) tokens = 70,975,488, per-sample 256 x 331.5 tokens
    // = 695,205,888. At 10 GB/s: 256 / (0.19711 + 0.0084439) = 1245.4 tok/s shared-prefix and
    // 256 / (0.19711 + 0.0708669) = 955.3 tok/s per-sample; gvgap's 500 tok/s is 40.1% of the
    // first, the generic path's 200 tok/s 20.9% of the second.
    // With the prefill: per prompt 2 x (4 x (300 x (4 x 256² + 2 x 256 x 1024) + 256 x 300 x 301)
    // + 256 x 98) = 2,072,421,376 FLOPs, 8 prompts 1.65794 s; bytes 8 x 300 x 8,192 (cache written)
    // + 4 batches x 13,262,848 (weights) = 72,712,192, 0.00727 s. 65,536 tokens in 65,536 / 1245.44
    // + 1.66521 s: 1207.2 tok/s, of which 500 is 41.4%.
    assertThat(table)
        .contains(
            "| small | 8x128 | 1x128 | 300 | 64 | 500.0 | 1 (500.0-500.0) | 200.0 | 100.0 | 2.50x"
                + " | 5.00x | 1245 | 955 | 40.1% | 20.9% | 1207 | 41.4% |");
  }

  @Test
  void aMissingImplementationShowsDashesAndRepeatedRunsTheirMedianAndRange() {
    BenchmarkPlan plan =
        new BenchmarkPlan(2, 0.7, 0.9, 0, 1, List.of(run("8x128", 128), run("32x16", 16)));
    MatmulMeasurement machine = new MatmulMeasurement(512, 768, 3072, 2, 1e10, 1e10);
    List<BenchmarkResult> results = List.of(
        new BenchmarkResult("gvgap", "small", "32x16", 1000, 1, 2),
        new BenchmarkResult("gvgap", "small", "32x16", 1000, 4, 8),
        new BenchmarkResult("gvgap", "small", "32x16", 1000, 2, 4));
    String table = ResultTable.format(plan, machine, results);
    assertThat(table).contains("| small | 8x128 | 1x128 | 300 | 64 | - | - | - | - | - | - |");
    // 1000, 250 and 500 tok/s: the median 500 is shown, with the three runs' range
    assertThat(table)
        .contains("| small | 32x16 | 1x16 | 300 | 64 | 500.0 | 3 (250.0-1000.0) | - | - | - | - |");
  }

  @Test
  void severalMeasurementsOfTheMachineGiveTheRooflineTheirHighestRates() {
    BenchmarkPlan plan = new BenchmarkPlan(2, 0.7, 0.9, 0, 1, List.of(run("8x128", 128)));
    List<MatmulMeasurement> machine = List.of(
        new MatmulMeasurement(512, 768, 3072, 2, 1e10, 0.5e10),
        new MatmulMeasurement(512, 768, 3072, 2, 0.8e10, 1e10));
    List<BenchmarkResult> results =
        List.of(new BenchmarkResult("gvgap", "small", "8x128", 1000, 2, 4));
    String table = ResultTable.format(plan, machine, results);
    assertThat(table)
        .contains("matmul 10.0 GFLOP/s", "memory bandwidth 10.0 GB/s")
        .contains(
            "the highest of 2 measurements (matmul 8.0-10.0 GFLOP/s, bandwidth 5.0-10.0 GB/s)");
    // the same rooflines as with one measurement of 10 GFLOP/s and 10 GB/s (see the first test)
    assertThat(table).contains("| 1245 | 955 | 40.1% |");
  }

  @Test
  void aRunWithoutItsModelDirectoryFailsNamingTheFileAndTheStep() throws IOException {
    Files.delete(modelDir.resolve("config.json"));
    BenchmarkPlan plan = new BenchmarkPlan(2, 0.7, 0.9, 0, 1, List.of(run("8x128", 128)));
    MatmulMeasurement machine = new MatmulMeasurement(512, 768, 3072, 2, 1e10, 1e10);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ResultTable.format(plan, machine, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("small 8x128")
        .hasMessageContaining("config.json is missing")
        .hasMessageContaining("prepare step again");
  }
}
