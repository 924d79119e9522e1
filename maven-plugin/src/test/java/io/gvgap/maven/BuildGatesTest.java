package io.gvgap.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.RunMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gates on metrics written by hand: group "m/t" has J(f) = 0.375 and three strategies whose
 * J(f[w]) are 0.5, 0.3125 and 0.6875, so their gaps are 0.5 - 0.375 = +0.125,
 * 0.3125 - 0.375 = -0.0625 and 0.6875 - 0.375 = +0.3125 (the best). The values are exact in binary,
 * so a threshold equal to a gap passes.
 */
class BuildGatesTest {

  private static Estimate point(double v) {
    return new Estimate(v, Double.NaN, Double.NaN);
  }

  private static StrategyMetrics strategy(String verifier, String filter, double jf, double jfw) {
    return new StrategyMetrics(
        verifier,
        filter,
        10,
        point(jf),
        point(jfw),
        point(jfw - jf),
        Estimate.undefined(),
        Estimate.undefined(),
        0,
        0,
        0.5,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  private static RunMetrics run(double accuracy, List<StrategyMetrics> strategies) {
    GroupMetrics metrics = new GroupMetrics(
        10, 40, point(accuracy), 0.0, 0.8, List.of(), List.of(), strategies, List.of());
    return new RunMetrics("r", false, List.of(new GroupResult("m", "t", 0, metrics)));
  }

  private static final RunMetrics RUN = run(
      0.375,
      List.of(
          strategy("cot-score", "quantile", 0.375, 0.5),
          strategy("mc", "quantile", 0.375, 0.3125),
          strategy("oracle", "threshold(tau=0.5)", 0.375, 0.6875)));

  @Test
  void noGatesNeverFail() {
    assertThat(new BuildGates(null, "best", null).violations(RUN)).isEmpty();
  }

  @Test
  void bestUsesTheLargestGap() {
    assertThat(new BuildGates(0.3125, "best", null).violations(RUN)).isEmpty();
    assertThat(new BuildGates(0.32, "best", null).violations(RUN))
        .singleElement()
        .asString()
        .contains(
            "the best strategy, oracle/threshold(tau=0.5),",
            "model 'm' on task 't'",
            "+0.3125",
            "failIfGapBelow = 0.32");
  }

  @Test
  void aNamedStrategyIsCheckedAlone() {
    assertThat(new BuildGates(0.125, "cot-score/quantile", null).violations(RUN))
        .isEmpty();
    assertThat(new BuildGates(0.0, "mc/quantile", null).violations(RUN))
        .singleElement()
        .asString()
        .contains("strategy mc/quantile", "-0.0625", "J(f) 0.3750", "J(f[w]) 0.3125");
  }

  @Test
  void anUnknownStrategyListsTheRunsStrategies() {
    assertThatThrownBy(() -> new BuildGates(0.0, "cot-score/quantil", null).violations(RUN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'cot-score/quantil'")
        .hasMessageContaining("cot-score/quantile, mc/quantile, oracle/threshold(tau=0.5)");
  }

  @Test
  void accuracyGateComparesJf() {
    assertThat(new BuildGates(null, "best", 0.375).violations(RUN)).isEmpty();
    assertThat(new BuildGates(null, "best", 0.38).violations(RUN))
        .singleElement()
        .asString()
        .contains(
            "J(f), the accuracy of all samples, of model 'm' on task 't' is 0.3750, below failIfAccuracyBelow = 0.38");
  }

  @Test
  void undefinedValuesFailTheirGates() {
    RunMetrics undefined = run(Double.NaN, List.of(strategy("v", "f", Double.NaN, Double.NaN)));
    List<String> failed = new BuildGates(-1.0, "best", 0.0).violations(undefined);
    assertThat(failed).hasSize(2);
    assertThat(failed.get(0)).contains("is n/a");
    assertThat(failed.get(1)).contains("no strategy of model 'm' on task 't' has a defined gap");
    assertThat(new BuildGates(-1.0, "v/f", null).violations(undefined))
        .singleElement()
        .asString()
        .contains("is n/a");
  }

  @Test
  void bothGatesReportEveryFailure() {
    assertThat(new BuildGates(0.5, "best", 0.9).violations(RUN)).hasSize(2);
  }
}
