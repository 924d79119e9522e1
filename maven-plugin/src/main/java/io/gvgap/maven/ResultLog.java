package io.gvgap.maven;

import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.MetricFormat;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.store.GroupResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines {@code gvgap:evaluate} logs for one group: the same table as {@code gvgap run} prints. */
final class ResultLog {

  private static final String ROW = "  %-16s %-26s %8s %8s %20s %6s %9s %9s %6s %6s  %s";

  private ResultLog() {}

  /** The summary line and one row per strategy. */
  static List<String> lines(GroupResult group) {
    GroupMetrics m = group.metrics();
    List<String> lines = new ArrayList<>();
    lines.add(String.format(
        Locale.ROOT,
        "%s on %s: %d prompts, J(f) = %s, coverage (pass@N) = %s,"
            + " answer-extraction failures %s",
        group.model(),
        group.task(),
        m.prompts(),
        MetricFormat.estimate(m.accuracy()),
        MetricFormat.fixed(m.coverage()),
        MetricFormat.percent(m.extractionFailureRate())));
    lines.add(String.format(
        Locale.ROOT,
        ROW,
        "verifier",
        "filter",
        "J(f[w])",
        "gap",
        "gap CI",
        "AUROC",
        "rel(pp)",
        "rel(pool)",
        "asked",
        "kept",
        ""));
    for (StrategyMetrics s : m.strategies()) {
      lines.add(String.format(
          Locale.ROOT,
          ROW,
          s.verifier(),
          s.filter(),
          MetricFormat.fixed(s.jfw().value()),
          MetricFormat.signed(s.gap().value()),
          MetricFormat.interval(s.gap()),
          MetricFormat.auroc(m.aurocOf(s.verifier())),
          MetricFormat.signed(s.relativeGapPerPrompt().value()),
          MetricFormat.signed(s.relativeGapPooled().value()),
          MetricFormat.percent(s.askedFraction()),
          MetricFormat.percent(s.keptFraction()),
          MetricFormat.emptyKept(s, m.prompts())));
    }
    return lines;
  }
}
