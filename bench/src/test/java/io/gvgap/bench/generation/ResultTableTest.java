package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {
  private static BenchmarkRun run(String workload, int transformersJsSamples) {
    return new BenchmarkRun(
        "small",
        "/m",
        Workload.parse(workload, 64),
        "/p.jsonl",
        300,
        256,
        128,
        1,
        transformersJsSamples);
  }

  @Test
  void rowsGiveRatesSpeedUpAndFractionOfTheCeiling() {
    BenchmarkPlan plan = new BenchmarkPlan(2, 0.7, 0.9, 0, 1, List.of(run("8x128", 128)));
    MatmulMeasurement ceiling = new MatmulMeasurement(512, 768, 3072, 2, 1e10);
    List<BenchmarkResult> results = List.of(
        new BenchmarkResult("gvgap", "small", "8x128", 1000, 2, 4),
        new BenchmarkResult("transformers.js", "small", "8x128", 1000, 10, 16));
    String table = ResultTable.format(plan, ceiling, results);
    assertThat(table)
        .contains("10.0 GFLOP/s")
        .contains("temperature 0.7, top-p 0.9, top-k 0; 2 threads");
    // small model, 300 prompt tokens, 64 new: keys 300 + 63/2 = 331.5; per layer 3·256² + 256² +
    // 2·256·1024
    // + 2·256·331.5 = 956,160 MACs; x4 layers + 256·98 = 3,849,728 MACs = 7,699,456 FLOPs per
    // token.
    // gvgap 500 tok/s -> 3.85 GFLOP/s = 38.5% of 10 GFLOP/s; transformers.js 100 tok/s -> 7.7%.
    // Tokens per CPU-second: 1000 / 4 = 250 and 1000 / 16 = 62.5.
    assertThat(table)
        .contains(
            "| small | 8x128 | 1x128 | 300 | 64 | 500.0 | 100.0 | 5.00x | 250.0 | 62.5 | 38.5% | 7.7% |");
  }

  @Test
  void aMissingImplementationShowsDashesAndTheLatestResultWins() {
    BenchmarkPlan plan =
        new BenchmarkPlan(2, 0.7, 0.9, 0, 1, List.of(run("8x128", 128), run("32x16", 16)));
    MatmulMeasurement ceiling = new MatmulMeasurement(512, 768, 3072, 2, 1e10);
    List<BenchmarkResult> results = List.of(
        new BenchmarkResult("gvgap", "small", "32x16", 1000, 1, 2),
        new BenchmarkResult("gvgap", "small", "32x16", 1000, 4, 8));
    String table = ResultTable.format(plan, ceiling, results);
    assertThat(table).contains("| small | 8x128 | 1x128 | 300 | 64 | - | - | - | - | - | - | - |");
    // the second measurement of 32x16 (1000 tokens in 4 s) is the one shown: 250 tok/s, 125
    // tok/CPU-s
    assertThat(table)
        .contains("| small | 32x16 | 1x16 | 300 | 64 | 250.0 | - | - | 125.0 | - | 19.2% | - |");
  }
}
