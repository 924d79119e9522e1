package io.gvgap.bench.generation;

import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Formats a benchmark's results as a Markdown table: per (model, workload) the part of the workload
 * transformers.js ran ({@link BenchmarkRun#transformersJsPrompts()}), the generated tokens/s (wall
 * time) of gvgap (shared-prefix decode), gvgap's generic path and transformers.js, gvgap's
 * speed-ups, the workload's decode rooflines on the machine measured in the same run
 * ({@link Roofline}: shared-prefix and per-sample) and the fraction of them gvgap and its generic
 * path reach, and the whole workload's roofline with each prompt's prefill counted
 * ({@link Roofline#workloadTokensPerSecond}) and gvgap's fraction of it. Repeated measurements
 * of a workload give their median and range; repeated measurements of the machine, its highest
 * rates.
 */
public final class ResultTable {
  /** The implementation names in {@link BenchmarkResult#implementation()}. */
  public static final String GVGAP = "gvgap";
  /** gvgap's generic decode path (a model's own graph, Concat caches) in results. */
  public static final String GVGAP_GENERIC = "gvgap-generic";
  /** transformers.js's name in results. */
  public static final String TRANSFORMERS_JS = "transformers.js";

  private ResultTable() {}

  /** The table for one measurement of the machine. */
  public static String format(
      BenchmarkPlan plan, MatmulMeasurement machine, List<BenchmarkResult> results) {
    return format(plan, List.of(machine), results);
  }

  /**
   * The table: header lines with the machine and sampling, then one row per plan run. With several
   * measurements of the machine (the benchmark measures it before and after its runs) the rooflines
   * use the highest matmul rate and the highest bandwidth measured, so a fraction is never flattered
   * by a slow moment of the machine; with several measurements of a workload (the benchmark repeats
   * gvgap's) the table shows their median and their range.
   */
  public static String format(
      BenchmarkPlan plan, List<MatmulMeasurement> measurements, List<BenchmarkResult> results) {
    if (measurements.isEmpty()) {
      throw new IllegalArgumentException("no measurement of the machine");
    }
    MatmulMeasurement machine = highest(measurements);
    StringBuilder out = new StringBuilder();
    out.append(String.format(
        Locale.ROOT,
        "machine, measured in this run with %d threads: matmul %.1f GFLOP/s (ONNX Runtime, fp32,"
            + " [%d x %d] x [%d x %d]), memory bandwidth %.1f GB/s (ONNX Runtime Add over 256 MiB)",
        machine.threads(),
        machine.flopsPerSecond() / 1e9,
        machine.m(),
        machine.k(),
        machine.k(),
        machine.n(),
        machine.bytesPerSecond() / 1e9));
    if (measurements.size() > 1) {
      out.append(String.format(
          Locale.ROOT,
          ": the highest of %d measurements (matmul %.1f-%.1f GFLOP/s, bandwidth %.1f-%.1f GB/s)",
          measurements.size(),
          measurements.stream()
                  .mapToDouble(MatmulMeasurement::flopsPerSecond)
                  .min()
                  .orElseThrow()
              / 1e9,
          machine.flopsPerSecond() / 1e9,
          measurements.stream()
                  .mapToDouble(MatmulMeasurement::bytesPerSecond)
                  .min()
                  .orElseThrow()
              / 1e9,
          machine.bytesPerSecond() / 1e9));
    }
    out.append(String.format("%n"));
    out.append(String.format(
        Locale.ROOT,
        "sampling: temperature %s, top-p %s, top-k %d; %d threads (transformers.js does not"
            + " implement top-p: it samples from the whole distribution)%n%n",
        plan.temperature(),
        plan.topP(),
        plan.topK(),
        plan.threads()));
    out.append("| model | workload | transformers.js ran | prompt tokens | new tokens | gvgap tok/s"
        + " | gvgap runs (range) | generic tok/s | transformers.js tok/s | gvgap / generic | gvgap / transformers.js"
        + " | roofline shared-prefix tok/s | roofline per-sample tok/s"
        + " | gvgap % of shared-prefix roofline | generic % of per-sample roofline"
        + " | roofline with prefill tok/s | gvgap % of roofline with prefill |\n");
    out.append(
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (BenchmarkRun run : plan.runs()) {
      Optional<BenchmarkResult> gvgap = find(results, GVGAP, run);
      Optional<BenchmarkResult> generic = find(results, GVGAP_GENERIC, run);
      Optional<BenchmarkResult> transformersJs = find(results, TRANSFORMERS_JS, run);
      DecoderConfig config = configOf(run);
      double shared = Roofline.tokensPerSecond(config, run, machine, true);
      double perSample = Roofline.tokensPerSecond(config, run, machine, false);
      double workload = Roofline.workloadTokensPerSecond(config, run, machine);
      out.append(String.format(
          Locale.ROOT,
          "| %s | %s | %s | %.0f | %d | %s | %s | %s | %s | %s | %s | %.0f | %.0f | %s | %s | %.0f | %s"
              + " |%n",
          run.model(),
          run.workload().label(),
          run.transformersJsPrompts() + "x" + run.transformersJsSamples(),
          run.meanPromptTokens(),
          run.workload().newTokens(),
          rate(gvgap),
          spread(results, GVGAP, run),
          rate(generic),
          rate(transformersJs),
          ratio(gvgap, generic),
          ratio(gvgap, transformersJs),
          shared,
          perSample,
          gvgap.map(r -> percent(r.tokensPerSecond() / shared)).orElse("-"),
          generic.map(r -> percent(r.tokensPerSecond() / perSample)).orElse("-"),
          workload,
          gvgap.map(r -> percent(r.tokensPerSecond() / workload)).orElse("-")));
    }
    return out.toString();
  }

  /**
   * The shape the run's rooflines are computed for: its model directory's {@code config.json}
   * (a trained model's or a random one's, as the plan wrote it).
   */
  private static DecoderConfig configOf(BenchmarkRun run) {
    Path directory = Path.of(run.modelDir());
    if (!Files.isRegularFile(directory.resolve("config.json"))) {
      throw new IllegalArgumentException(
          "run " + run.model() + " " + run.workload().label()
              + ": " + directory.resolve("config.json") + " is missing; run the benchmark's prepare"
              + " step again");
    }
    try {
      return ModelDirectory.readConfig(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(directory.resolve("config.json") + ": " + e.getMessage(), e);
    }
  }

  private static String rate(Optional<BenchmarkResult> result) {
    return result
        .map(r -> String.format(Locale.ROOT, "%.1f", r.tokensPerSecond()))
        .orElse("-");
  }

  private static String ratio(Optional<BenchmarkResult> a, Optional<BenchmarkResult> b) {
    return a.isPresent() && b.isPresent()
        ? String.format(
            Locale.ROOT, "%.2fx", a.get().tokensPerSecond() / b.get().tokensPerSecond())
        : "-";
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /**
   * The median measurement of an implementation on a run (by tokens/s; of an even count, the lower
   * of the middle two, so that the row shows a measurement that was made), or empty.
   */
  private static Optional<BenchmarkResult> find(
      List<BenchmarkResult> results, String implementation, BenchmarkRun run) {
    List<BenchmarkResult> sorted = matching(results, implementation, run).stream()
        .sorted(java.util.Comparator.comparingDouble(BenchmarkResult::tokensPerSecond))
        .toList();
    return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get((sorted.size() - 1) / 2));
  }

  /** "n (min-max)" of an implementation's measurements on a run; "-" when none. */
  private static String spread(
      List<BenchmarkResult> results, String implementation, BenchmarkRun run) {
    List<BenchmarkResult> matching = matching(results, implementation, run);
    if (matching.isEmpty()) {
      return "-";
    }
    double low =
        matching.stream().mapToDouble(BenchmarkResult::tokensPerSecond).min().orElseThrow();
    double high =
        matching.stream().mapToDouble(BenchmarkResult::tokensPerSecond).max().orElseThrow();
    return String.format(Locale.ROOT, "%d (%.1f-%.1f)", matching.size(), low, high);
  }

  private static List<BenchmarkResult> matching(
      List<BenchmarkResult> results, String implementation, BenchmarkRun run) {
    return results.stream()
        .filter(r -> r.implementation().equals(implementation)
            && r.model().equals(run.model())
            && r.workload().equals(run.workload().label()))
        .toList();
  }

  /** The highest matmul rate and the highest bandwidth of the measurements (shape and threads of the first). */
  static MatmulMeasurement highest(List<MatmulMeasurement> measurements) {
    MatmulMeasurement first = measurements.get(0);
    return new MatmulMeasurement(
        first.m(),
        first.k(),
        first.n(),
        first.threads(),
        measurements.stream()
            .mapToDouble(MatmulMeasurement::flopsPerSecond)
            .max()
            .orElseThrow(),
        measurements.stream()
            .mapToDouble(MatmulMeasurement::bytesPerSecond)
            .max()
            .orElseThrow());
  }
}
