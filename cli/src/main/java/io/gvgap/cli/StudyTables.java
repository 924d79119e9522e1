package io.gvgap.cli;

import io.gvgap.core.metrics.MetricFormat;
import io.gvgap.core.metrics.PassAtK;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.results.DistillationRecord;
import io.gvgap.core.results.LineFit;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundTaskMetrics;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.results.ScalingFit;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/** The short tables that {@code improve}, {@code scaling} and {@code demo} print. */
final class StudyTables {

  private StudyTables() {}

  /** One row per round and task: accuracy, pass@1 and pass@N, diversity, the distilled strategy's gap, the SFT set. */
  static void printRounds(PrintWriter out, RoundsFile rounds) {
    out.printf(
        "%nimprovement '%s': distilling %s/%s, update %s%n",
        rounds.study(),
        rounds.verifier(),
        rounds.filter(),
        rounds.update().name().toLowerCase(java.util.Locale.ROOT));
    out.printf(
        "  %-5s %-12s %-26s %7s %7s %9s %8s %9s %12s%n",
        "round",
        "task",
        "J(f) [CI]",
        "pass@1",
        "pass@N",
        "distinct✓",
        "gap",
        "rel(pool)",
        "SFT kept→set");
    for (RoundRecord r : rounds.rounds()) {
      for (RoundTaskMetrics m : r.tasks()) {
        List<PassAtK> pass = m.passAtK();
        StrategyMetrics s = m.strategies().stream()
            .filter(
                x -> x.verifier().equals(rounds.verifier()) && x.filter().equals(rounds.filter()))
            .findFirst()
            .orElse(null);
        DistillationRecord d = r.distillation();
        out.printf(
            "  %-5d %-12s %-26s %7s %7s %9s %8s %9s %12s%n",
            r.round(),
            m.task(),
            MetricFormat.fixed(m.accuracy().value()) + " " + MetricFormat.interval(m.accuracy()),
            MetricFormat.fixed(pass.get(0).estimate().value()),
            MetricFormat.fixed(pass.get(pass.size() - 1).estimate().value()),
            MetricFormat.fixed(m.diversity().meanDistinctCorrectSolutions()),
            s == null ? "-" : MetricFormat.signed(s.gap().value()),
            s == null ? "-" : MetricFormat.signed(s.relativeGapPooled().value()),
            d == null ? "-" : d.keptSamples() + "→" + d.distinctSamples());
      }
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
