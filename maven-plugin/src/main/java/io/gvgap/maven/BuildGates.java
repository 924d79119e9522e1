package io.gvgap.maven;

import io.gvgap.core.metrics.MetricFormat;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The thresholds under which {@code gvgap:evaluate} fails a build, checked on every group (model x
 * task) of a run.
 *
 * <ul>
 *   <li>{@code failIfGapBelow}: the gap {@code J(f[w]) - J(f)} of the chosen strategy must be at
 *       least this. The strategy is {@value #BEST} (the strategy with the largest gap in that group)
 *       or one named {@code VERIFIER/FILTER} by their labels, e.g. {@code cot-score/quantile}.</li>
 *   <li>{@code failIfAccuracyBelow}: {@code J(f)}, the accuracy of all samples, must be at least this.</li>
 * </ul>
 *
 * An undefined number (no strategy with a defined gap, no prompts) fails its gate: a gate cannot
 * pass on a value that does not exist.
 *
 * @param minGap the least gap, or null for no gap gate
 * @param strategy {@value #BEST} or {@code VERIFIER/FILTER}
 * @param minAccuracy the least accuracy, or null for no accuracy gate
 */
record BuildGates(Double minGap, String strategy, Double minAccuracy) {

  /** The strategy name that picks, in each group, the strategy with the largest gap. */
  static final String BEST = "best";

  /**
   * Every gate the run fails, one message each; empty when it passes.
   *
   * @throws IllegalArgumentException when the strategy is neither {@value #BEST} nor a strategy of the run
   */
  List<String> violations(RunMetrics metrics) {
    List<String> failed = new ArrayList<>();
    for (GroupResult group : metrics.groups()) {
      String where = "model '" + group.model() + "' on task '" + group.task() + "'";
      if (minAccuracy != null) {
        double accuracy = group.metrics().accuracy().value();
        if (Double.isNaN(accuracy) || accuracy < minAccuracy) {
          failed.add("J(f), the accuracy of all samples, of " + where + " is "
              + MetricFormat.fixed(accuracy) + ", below failIfAccuracyBelow = " + minAccuracy);
        }
      }
      if (minGap != null) {
        gapViolation(group, where).ifPresent(failed::add);
      }
    }
    return failed;
  }

  private Optional<String> gapViolation(GroupResult group, String where) {
    List<StrategyMetrics> strategies = group.metrics().strategies();
    StrategyMetrics chosen;
    String which;
    if (BEST.equals(strategy)) {
      chosen = strategies.stream()
          .filter(s -> s.gap().defined())
          .max((a, b) -> Double.compare(a.gap().value(), b.gap().value()))
          .orElse(null);
      if (chosen == null) {
        return Optional.of("no strategy of " + where + " has a defined gap, so failIfGapBelow = "
            + minGap + " cannot pass (did every filter keep nothing? see metrics.empty_kept)");
      }
      which = "the best strategy, " + name(chosen) + ",";
    } else {
      chosen = strategies.stream()
          .filter(s -> name(s).equals(strategy))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("gapStrategy '" + strategy
              + "' is not a strategy of " + where + "; use 'best' or one of: "
              + strategies.stream().map(BuildGates::name).collect(Collectors.joining(", "))));
      which = "strategy " + strategy;
    }
    double gap = chosen.gap().value();
    if (!Double.isNaN(gap) && gap >= minGap) {
      return Optional.empty();
    }
    return Optional.of(
        "the gap of " + which + " on " + where + " is " + MetricFormat.signed(gap) + " (CI "
            + MetricFormat.interval(chosen.gap()) + ", J(f) "
            + MetricFormat.fixed(chosen.jf().value()) + ", J(f[w]) "
            + MetricFormat.fixed(chosen.jfw().value()) + "), below failIfGapBelow = " + minGap);
  }

  /** The {@code VERIFIER/FILTER} name of a strategy, as {@code gapStrategy} takes it. */
  static String name(StrategyMetrics s) {
    return s.verifier() + "/" + s.filter();
  }
}
