package io.gvgap.cli;

import io.gvgap.core.metrics.MetricFormat;
import io.gvgap.core.metrics.PassAtK;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.results.DistillationRecord;
import io.gvgap.core.results.LineFit;
import io.gvgap.core.results.RoundDifference;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundTaskMetrics;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.results.ScalingFit;
import io.gvgap.core.results.TaskSplit;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The short tables that {@code improve}, {@code scaling} and {@code demo} print. */
final class StudyTables {

  private StudyTables() {}

  /**
   * The split, then one row per arm, round, task and split (evaluation first): accuracy, pass@1 and
   * pass@N, diversity, the distilled strategy's gap, the SFT set; then the paired differences on the
   * evaluation split.
   */
  static void printRounds(PrintWriter out, RoundsFile rounds) {
    out.printf(
        "%nimprovement '%s': distilling %s/%s from the train split, update %s%s%n",
        rounds.study(),
        rounds.verifier(),
        rounds.filter(),
        rounds.update().name().toLowerCase(java.util.Locale.ROOT),
        rounds.control() == null ? "" : "; control arm: " + rounds.control());
    if (rounds.split() != null) {
      for (TaskSplit t : rounds.split().tasks()) {
        out.printf(
            "  split of %s: %d train / %d evaluation examples (train share %s, seed %d; eval ids"
                + " SHA-256 %s…)%n",
            t.task(),
            t.trainSize(),
            t.evalSize(),
            rounds.split().train(),
            rounds.split().seed(),
            t.evalHash().substring(0, 12));
      }
    }
    out.printf(
        "  %-6s %-5s %-12s %-5s %-26s %7s %7s %9s %8s %9s %12s%n",
        "arm",
        "round",
        "task",
        "split",
        "J(f) [CI]",
        "pass@1",
        "pass@N",
        "distinct✓",
        "gap",
        "rel(pool)",
        "SFT kept→set");
    printArm(out, rounds, RoundsFile.SELF_ARM, rounds.rounds());
    if (rounds.controlRounds() != null) {
      printArm(out, rounds, RoundsFile.ORACLE_ARM, rounds.controlRounds());
    }
    if (rounds.differences() != null && !rounds.differences().isEmpty()) {
      out.printf(
          "  paired differences on the evaluation split (later − earlier round, bootstrap over"
              + " prompts):%n");
      out.printf(
          "  %-6s %-12s %-7s %7s %-28s %-28s%n",
          "arm", "task", "rounds", "prompts", "ΔJ(f) [CI]", "Δpass@N [CI]");
      for (RoundDifference d : rounds.differences()) {
        out.printf(
            "  %-6s %-12s %-7s %7d %-28s %-28s%n",
            d.arm(),
            d.task(),
            d.from() + "→" + d.to(),
            d.prompts(),
            MetricFormat.signed(d.accuracy().value()) + " " + MetricFormat.interval(d.accuracy()),
            MetricFormat.signed(d.passAtN().value()) + " " + MetricFormat.interval(d.passAtN()));
      }
    }
  }

  private static void printArm(
      PrintWriter out, RoundsFile rounds, String arm, List<RoundRecord> records) {
    for (RoundRecord r : records) {
      printRows(out, rounds, arm, r, "eval", r.evaluation());
      printRows(out, rounds, arm, r, "train", r.train());
    }
  }

  private static void printRows(
      PrintWriter out,
      RoundsFile rounds,
      String arm,
      RoundRecord r,
      String split,
      List<RoundTaskMetrics> tasks) {
    for (RoundTaskMetrics m : tasks) {
      List<PassAtK> pass = m.passAtK();
      StrategyMetrics s = m.strategies().stream()
          .filter(x -> x.verifier().equals(rounds.verifier()) && x.filter().equals(rounds.filter()))
          .findFirst()
          .orElse(null);
      DistillationRecord d = r.distillation();
      out.printf(
          "  %-6s %-5d %-12s %-5s %-26s %7s %7s %9s %8s %9s %12s%n",
          arm,
          r.round(),
          m.task(),
          split,
          MetricFormat.fixed(m.accuracy().value()) + " " + MetricFormat.interval(m.accuracy()),
          MetricFormat.fixed(pass.get(0).estimate().value()),
          MetricFormat.fixed(pass.get(pass.size() - 1).estimate().value()),
          MetricFormat.fixed(m.diversity().meanDistinctCorrectSolutions()),
          s == null ? "-" : MetricFormat.signed(s.gap().value()),
          s == null ? "-" : MetricFormat.signed(s.relativeGapPooled().value()),
          d == null || !split.equals("train") ? "-" : d.keptSamples() + "→" + d.distinctSamples());
    }
  }

  /**
   * Every fit of a scaling study, one row each (no pick): the least-squares slope per decade of
   * FLOPs with its t-interval, the prompt-bootstrap interval, the shares of resamples in which the
   * points rise or fall strictly in FLOPs, the weighted fit with its chi² per degree of freedom, the
   * pooled seed standard deviation (models with equal FLOPs) and the t-interval of the line through
   * one mean per size; then the excluded members with why, and the multiplicity note.
   */
  static void printScaling(PrintWriter out, ScalingFile scaling) {
    out.printf(
        "%nscaling '%s' over %d models: every verifier x filter x measure (slope per decade of"
            + " pre-training FLOPs)%n",
        scaling.run(), scaling.models().size());
    out.printf("  t CI: %s%n", LineFit.INTERVAL_METHOD);
    out.printf(
        "  boot CI, up/down: %s; %d resamples, seed %d; up/down = share of resamples in"
            + " which the points rise/fall strictly in FLOPs%n",
        scaling.bootstrapMethod(), scaling.bootstrapDraws(), scaling.bootstrapSeed());
    out.printf("  WLS: %s%n", scaling.weightedMethod());
    out.printf("  seed sd: pooled sd of the points over training seeds (models with equal FLOPs);"
        + " means CI: t-interval of the slope through one mean per size%n");
    out.printf(
        "  share = gap / gap of the oracle '%s' at the same filter%n",
        scaling.oracle() == null ? "(no oracle in spec: not computed)" : scaling.oracle());
    out.printf(
        "  %-10s %-22s %-20s %-24s %2s %8s %18s %18s %5s %5s %8s %18s %8s %8s %18s%n",
        "task",
        "verifier",
        "filter",
        "measure",
        "n",
        "slope",
        "t CI",
        "boot CI",
        "up",
        "down",
        "WLS",
        "WLS CI",
        "chi²/df",
        "seed sd",
        "means CI");
    Map<String, Integer> exclusions = new LinkedHashMap<>();
    Map<String, Integer> leftOut = new LinkedHashMap<>();
    for (ScalingFit f : scaling.fits()) {
      LineFit line = f.fit();
      out.printf(
          "  %-10s %-22s %-20s %-24s %2d %8s %18s %18s %5s %5s %8s %18s %8s %8s %18s%n",
          f.task(),
          f.verifier(),
          f.filter(),
          f.measure(),
          line.points(),
          MetricFormat.signed(line.slope()),
          interval(line.slopeLower(), line.slopeUpper()),
          interval(f.bootstrap().slopeLower(), f.bootstrap().slopeUpper()),
          percent(f.bootstrap().increasingShare()),
          percent(f.bootstrap().decreasingShare()),
          MetricFormat.signed(f.weighted().slope()),
          interval(f.weighted().slopeLower(), f.weighted().slopeUpper()),
          f.weighted().degreesOfFreedom() > 0
              ? String.format(
                  Locale.ROOT, "%.2f", f.weighted().chiSquare() / f.weighted().degreesOfFreedom())
              : "-",
          f.seedSpread() == null || Double.isNaN(f.seedSpread().pooledSd())
              ? "-"
              : MetricFormat.fixed(f.seedSpread().pooledSd()),
          f.seedSpread() == null || f.seedSpread().degreesOfFreedom() == 0
              ? "-"
              : interval(
                  f.seedSpread().meansFit().slopeLower(),
                  f.seedSpread().meansFit().slopeUpper()));
      f.excluded().forEach(e -> exclusions.merge(e.model() + ": " + e.reason(), 1, Integer::sum));
      f.weighted().leftOut().forEach(m -> leftOut.merge(m, 1, Integer::sum));
    }
    if (!exclusions.isEmpty()) {
      out.printf("  excluded from fits (point undefined):%n");
      exclusions.forEach((what, count) -> out.printf("    %s (%d fits)%n", what, count));
    }
    if (!leftOut.isEmpty()) {
      out.printf("  left out of the weighted fit only (zero-width interval, no finite weight):%n");
      leftOut.forEach((model, count) -> out.printf("    %s (%d fits)%n", model, count));
    }
    if (scaling.multiplicity() != null) {
      out.printf("  multiplicity: %s%n", scaling.multiplicity().note());
    }
  }

  private static String interval(double lower, double upper) {
    return Double.isNaN(lower)
        ? "-"
        : "[" + MetricFormat.signed(lower) + ", " + MetricFormat.signed(upper) + "]";
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }
}
