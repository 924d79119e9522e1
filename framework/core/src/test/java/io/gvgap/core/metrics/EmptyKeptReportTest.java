package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An empty kept set is reported as such: counted in {@code metrics.json}, "nothing kept on k of n
 * prompts" in tables, and a strategy that kept nothing anywhere has no gap (null), not 0 [0, 0].
 */
class EmptyKeptReportTest {

  /** Strategy "never" keeps nothing on both prompts; "some" keeps nothing on prompt b only. */
  private static GroupMetrics metrics() {
    List<PromptData> prompts = List.of(
        PromptBuilder.prompt("a", 1, 0)
            .score("v", 0.9, 0.1)
            .weights("v", "never", 0, 0)
            .weights("v", "some", 1, 0)
            .build(),
        PromptBuilder.prompt("b", 0, 1)
            .score("v", 0.2, 0.8)
            .weights("v", "never", 0, 0)
            .weights("v", "some", 0, 0)
            .build());
    return new MetricsCalculator(MetricsSettings.defaults()).compute(prompts);
  }

  private static StrategyMetrics strategy(GroupMetrics m, String filter) {
    return m.strategies().stream()
        .filter(s -> s.filter().equals(filter))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void metricsJsonCountsEmptyPromptsAndLeavesAnAllEmptyGapNull() throws Exception {
    JsonNode tree = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(metrics()));
    JsonNode never = null;
    JsonNode some = null;
    for (JsonNode s : tree.get("strategies")) {
      if (s.get("filter").asText().equals("never")) {
        never = s;
      } else {
        some = s;
      }
    }
    assertThat(never.get("emptyKeptPrompts").asInt()).isEqualTo(2);
    assertThat(never.get("gap").get("value").isNull()).isTrue();
    assertThat(never.get("gap").get("lower").isNull()).isTrue();
    assertThat(never.get("jfw").get("value").isNull()).isTrue();
    assertThat(never.get("keptFraction").asDouble()).isEqualTo(0.0);
    // "some": prompt a kept its correct sample (J_a(f[w]) = 1, J_a(f) = 0.5), prompt b falls back
    // (contributes 0): gap = (0.5 + 0) / 2 = 0.25
    assertThat(some.get("emptyKeptPrompts").asInt()).isEqualTo(1);
    assertThat(some.get("gap").get("value").asDouble()).isEqualTo(0.25);
  }

  @Test
  void tablesSayNothingKeptOnKOfNPromptsAndShowTheAuroc() {
    GroupMetrics m = metrics();
    assertThat(MetricFormat.emptyKept(strategy(m, "never"), m.prompts()))
        .isEqualTo("nothing kept on 2 of 2 prompts");
    assertThat(MetricFormat.emptyKept(strategy(m, "some"), m.prompts()))
        .isEqualTo("nothing kept on 1 of 2 prompts");
    assertThat(MetricFormat.signed(strategy(m, "never").gap().value())).isEqualTo("n/a");
    // scores 0.9 (correct) > 0.1 and 0.8 (correct) > 0.2 on the other prompt; pooled pairs:
    // correct {0.9, 0.8} vs incorrect {0.1, 0.2}: every pair ordered, AUROC 1
    assertThat(MetricFormat.auroc(m.aurocOf("v"))).isEqualTo("1.00");
    assertThat(MetricFormat.auroc(m.aurocOf("absent"))).isEqualTo("n/a");
  }
}
