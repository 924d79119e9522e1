package io.gvgap.core.metrics;

import static io.gvgap.core.metrics.PromptBuilder.prompt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-prompt accuracies a study resamples, against hand-computed values and against the
 * metrics calculator itself (so that a change of the empty-kept rule in one and not the other fails).
 */
class StrategyPromptsTest {

  private static final StrategyKey KEY = new StrategyKey("v", "f");

  private static List<PromptData> prompts() {
    return List.of(
        // a = 0.5; kept samples 0 (u = 1) and 2 (u = 0): b = 0.5
        prompt("p1", 1, 0, 0, 1)
            .score("v", 1, 0, 0, 0)
            .weights("v", "f", 1, 0, 1, 0)
            .build(),
        // a = 0.25, kept nothing
        prompt("p2", 0, 0, 1, 0)
            .score("v", 0, 0, 0, 0)
            .weights("v", "f", 0, 0, 0, 0)
            .build(),
        // a = 1 (saturated), kept sample 3: b = 1
        prompt("p3", 1, 1, 1, 1)
            .score("v", 0, 0, 0, 1)
            .weights("v", "f", 0, 0, 0, 1)
            .build(),
        // a = 0.25, kept sample 2 (u=1) with weight 3 and sample 0 (u=0) with weight 1: b = 0.75
        prompt("p4", 0, 0, 1, 0)
            .score("v", 1, 0, 3, 0)
            .weights("v", "f", 1, 0, 3, 0)
            .build());
  }

  @Test
  void fallbackKeepsAnEmptyPromptWithItsUnfilteredAccuracy() {
    StrategyPrompts s = StrategyPrompts.of(KEY, prompts(), EmptyKeptPolicy.FALLBACK);
    assertThat(s.exampleIds()).containsExactly("p1", "p2", "p3", "p4");
    assertThat(s.a()).containsExactly(0.5, 0.25, 1.0, 0.25);
    assertThat(s.b()).containsExactly(0.5, 0.25, 1.0, 0.75);
  }

  @Test
  void excludeLeavesAnEmptyPromptOut() {
    StrategyPrompts s = StrategyPrompts.of(KEY, prompts(), EmptyKeptPolicy.EXCLUDE);
    assertThat(s.exampleIds()).containsExactly("p1", "p3", "p4");
    assertThat(s.a()).containsExactly(0.5, 1.0, 0.25);
    assertThat(s.b()).containsExactly(0.5, 1.0, 0.75);
  }

  @Test
  void theGapStatisticsOfThePerPromptValuesAreTheCalculatorsUnderBothPolicies() {
    for (EmptyKeptPolicy policy : EmptyKeptPolicy.values()) {
      MetricsSettings settings = MetricsSettings.defaults().withEmptyKept(policy);
      StrategyMetrics metrics =
          new MetricsCalculator(settings).compute(prompts()).strategies().get(0);
      StrategyPrompts s = StrategyPrompts.of(KEY, prompts(), policy);
      int[] ones = new int[s.a().length];
      Arrays.fill(ones, 1);
      assertThat(GapStatistics.gap(s.a(), s.b(), ones))
          .isCloseTo(metrics.gap().value(), within(1e-12));
      assertThat(GapStatistics.relativeGapPooled(s.a(), s.b(), ones))
          .isCloseTo(metrics.relativeGapPooled().value(), within(1e-12));
      assertThat(GapStatistics.relativeGapPerPrompt(s.a(), s.b(), ones))
          .isCloseTo(metrics.relativeGapPerPrompt().value(), within(1e-12));
      assertThat(s.a()).hasSize(metrics.promptsUsed());
    }
  }

  @Test
  void aStrategyThatKeptNothingAnywhereHasNoGapInAnyResampleAsInTheCalculator() {
    List<PromptData> none = List.of(
        prompt("q1", 1, 0).score("v", 0, 0).weights("v", "f", 0, 0).build(),
        prompt("q2", 0, 0).score("v", 0, 0).weights("v", "f", 0, 0).build());
    for (EmptyKeptPolicy policy : EmptyKeptPolicy.values()) {
      StrategyMetrics metrics = new MetricsCalculator(
              MetricsSettings.defaults().withEmptyKept(policy))
          .compute(none)
          .strategies()
          .get(0);
      StrategyPrompts s = StrategyPrompts.of(KEY, none, policy);
      int[] ones = new int[s.a().length];
      Arrays.fill(ones, 1);
      assertThat(metrics.gap().defined()).isFalse();
      assertThat(Arrays.stream(s.b()).allMatch(Double::isNaN)).isTrue();
      assertThat(GapStatistics.gap(s.a(), s.b(), ones)).as("%s", policy).isNaN();
    }
  }
}
