package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.StrategyMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyTableTest {

  @TempDir
  Path temp;

  private static StrategyMetrics strategy(String filter, double gap) {
    Estimate e = new Estimate(gap, gap - 0.1, gap + 0.1);
    Estimate any = new Estimate(0.5, 0.4, 0.6);
    return new StrategyMetrics(
        "v", filter, 10, any, any, e, any, any, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.1);
  }

  @Test
  void bestIsTheLargestDefinedGap() {
    StrategyMetrics small = strategy("a", 0.05);
    StrategyMetrics large = strategy("b", 0.2);
    StrategyMetrics undefined = strategy("c", Double.NaN);
    StrategyMetrics equal = strategy("d", 0.2);
    assertThat(StrategyTable.best(List.of(small, undefined, large, equal))).isSameAs(large);
    assertThat(StrategyTable.best(List.of(undefined))).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void rowsCarryValuesIntervalsAndDefinitions() {
    Path dir = temp.resolve("run");
    var metrics = new SyntheticRun().examples(20).samplesPerExample(6).writeTo(dir);
    RunGroups groups = RunGroups.of(RunDirectoryReader.read(dir));
    List<Map<String, Object>> rows = StrategyTable.rows(List.of(groups));
    List<StrategyMetrics> strategies = metrics.groups().get(0).metrics().strategies();
    assertThat(rows).hasSize(strategies.size());
    assertThat(rows.stream().filter(r -> (Boolean) r.get("best")).count()).isEqualTo(1);
    int gapColumn = StrategyTable.columns(false).stream()
        .map(StrategyTable.Column::term)
        .toList()
        .indexOf("Gap");
    for (int i = 0; i < rows.size(); i++) {
      List<Map<String, String>> cells = (List<Map<String, String>>) rows.get(i).get("cells");
      StrategyMetrics s = strategies.get(i);
      assertThat(cells.get(2).get("text")).isEqualTo(s.verifier());
      assertThat(cells.get(3).get("text")).isEqualTo(s.filter());
      Map<String, String> gap = cells.get(gapColumn);
      assertThat(gap.get("text"))
          .isEqualTo(String.format(java.util.Locale.ROOT, "%+.3f", s.gap().value()));
      assertThat(gap.get("sort")).isEqualTo(Double.toString(s.gap().value()));
      assertThat(gap.get("interval"))
          .isEqualTo(String.format(
              java.util.Locale.ROOT, "[%.3f, %.3f]", s.gap().lower(), s.gap().upper()));
      assertThat(gap.get("title"))
          .startsWith("Gap = ")
          .contains("95% CI")
          .contains("J(f[w]) − J(f)");
      if ((Boolean) rows.get(i).get("best")) {
        assertThat(s.gap().value())
            .isEqualTo(
                strategies.stream().mapToDouble(x -> x.gap().value()).max().orElseThrow());
      }
    }
    assertThat(StrategyTable.columns(true).get(0).term()).isEqualTo("Run");
  }
}
