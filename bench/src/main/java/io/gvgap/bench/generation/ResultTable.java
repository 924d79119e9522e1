package io.gvgap.bench.generation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats a benchmark's results as a Markdown table: per (model, workload) the part of the workload
 * transformers.js ran ({@link BenchmarkRun#transformersJsPrompts()}), the generated tokens/s (wall
 * time) of gvgap and transformers.js, gvgap's speed-up, the tokens per CPU-second of each, and the
 * FLOP/s each reaches as a fraction of the measured matmul ceiling
 * ({@link DecoderFlops#perGeneratedToken} x tokens/s, divided by {@link MatmulMeasurement#flopsPerSecond}).
 */
public final class ResultTable {
  /** The implementation names in {@link BenchmarkResult#implementation()}. */
  public static final String GVGAP = "gvgap";
  /** gvgap's generic decode path (a model's own graph, Concat caches) in results. */
  public static final String GVGAP_GENERIC = "gvgap-generic";
  /** transformers.js's name in results. */
  public static final String TRANSFORMERS_JS = "transformers.js";

  private ResultTable() {}

  /** The table, a header line with the ceiling and sampling, then one row per plan run. */
  public static String format(
      BenchmarkPlan plan, MatmulMeasurement ceiling, List<BenchmarkResult> results) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        Locale.ROOT,
        "matmul ceiling (ONNX Runtime, fp32, [%d x %d] x [%d x %d], %d threads): "
            + "%.1f GFLOP/s%n",
        ceiling.m(),
        ceiling.k(),
        ceiling.k(),
        ceiling.n(),
        ceiling.threads(),
        ceiling.flopsPerSecond() / 1e9));
    out.append(String.format(
        Locale.ROOT,
        "sampling: temperature %s, top-p %s, top-k %d; %d threads%n%n",
        plan.temperature(),
        plan.topP(),
        plan.topK(),
        plan.threads()));
    out.append(
        "| model | workload | transformers.js ran | prompt tokens | new tokens | gvgap tok/s | transformers.js "
            + "tok/s | gvgap / "
            + "transformers.js | gvgap tok/CPU-s | transformers.js tok/CPU-s | gvgap % of ceiling | transformers.js % of "
            + "ceiling |\n");
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (BenchmarkRun run : plan.runs()) {
      Optional<BenchmarkResult> gvgap = find(results, GVGAP, run);
      Optional<BenchmarkResult> transformersJs = find(results, TRANSFORMERS_JS, run);
      double flopsPerToken = DecoderFlops.perGeneratedToken(
          BenchmarkModel.named(run.model()).config(),
          run.meanPromptTokens(),
          run.workload().newTokens());
      out.append(String.format(
          Locale.ROOT,
          "| %s | %s | %s | %.0f | %d | %s | %s | %s | %s | %s | %s | %s |%n",
          run.model(),
          run.workload().label(),
          run.transformersJsPrompts() + "x" + run.transformersJsSamples(),
          run.meanPromptTokens(),
          run.workload().newTokens(),
          gvgap
              .map(r -> String.format(Locale.ROOT, "%.1f", r.tokensPerSecond()))
              .orElse("-"),
          transformersJs
              .map(r -> String.format(Locale.ROOT, "%.1f", r.tokensPerSecond()))
              .orElse("-"),
          gvgap.isPresent() && transformersJs.isPresent()
              ? String.format(
                  Locale.ROOT,
                  "%.2fx",
                  gvgap.get().tokensPerSecond() / transformersJs.get().tokensPerSecond())
              : "-",
          gvgap
              .map(r -> String.format(Locale.ROOT, "%.1f", r.tokensPerCpuSecond()))
              .orElse("-"),
          transformersJs
              .map(r -> String.format(Locale.ROOT, "%.1f", r.tokensPerCpuSecond()))
              .orElse("-"),
          gvgap.map(r -> percent(r, flopsPerToken, ceiling)).orElse("-"),
          transformersJs.map(r -> percent(r, flopsPerToken, ceiling)).orElse("-")));
    }
    return out.toString();
  }

  private static String percent(
      BenchmarkResult result, double flopsPerToken, MatmulMeasurement ceiling) {
    return String.format(
        Locale.ROOT,
        "%.1f%%",
        100 * result.tokensPerSecond() * flopsPerToken / ceiling.flopsPerSecond());
  }

  private static Optional<BenchmarkResult> find(
      List<BenchmarkResult> results, String implementation, BenchmarkRun run) {
    return results.stream()
        .filter(r -> r.implementation().equals(implementation)
            && r.model().equals(run.model())
            && r.workload().equals(run.workload().label()))
        .reduce((first, later) -> later);
  }
}
