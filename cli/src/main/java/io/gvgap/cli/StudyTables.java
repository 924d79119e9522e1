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
import java.util.List;
import java.util.Set;

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

  /** One row per strategy: the slope of the pooled relative gap in log10 FLOPs, its interval and R². */
  static void printScaling(PrintWriter out, ScalingFile scaling, Set<String> measures) {
    out.printf(
        "%nscaling '%s' over %d models (slope per decade of pre-training FLOPs; %s)%n",
        scaling.run(), scaling.models().size(), LineFit.INTERVAL_METHOD);
    out.printf(
        "  %-12s %-22s %-22s %-24s %9s %22s %6s %3s%n",
        "task", "verifier", "filter", "measure", "slope", "slope CI", "R²", "n");
    for (ScalingFit f : scaling.fits()) {
      if (!measures.contains(f.measure())) {
        continue;
      }
      LineFit line = f.fit();
      String interval = Double.isNaN(line.slopeLower())
          ? "-"
          : "[" + MetricFormat.signed(line.slopeLower()) + ", "
              + MetricFormat.signed(line.slopeUpper()) + "]";
      out.printf(
          "  %-12s %-22s %-22s %-24s %9s %22s %6s %3d%n",
          f.task(),
          f.verifier(),
          f.filter(),
          f.measure(),
          MetricFormat.signed(line.slope()),
          interval,
          MetricFormat.fixed(line.rSquared()),
          line.points());
    }
  }
}
