package io.gvgap.core.metrics;

import static io.gvgap.core.metrics.PromptBuilder.prompt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every error names where the problem is (example id, verifier or strategy) and what to do. */
class InputValidationTest {

  @Test
  void utilityOutsideUnitInterval() {
    assertThatThrownBy(() -> prompt("ex-7", 1, 1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prompt 'ex-7'")
        .hasMessageContaining("sample 1")
        .hasMessageContaining("1.5")
        .hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> prompt("ex-7", Double.NaN).build())
        .hasMessageContaining("prompt 'ex-7'");
  }

  @Test
  void promptWithoutSamplesOrId() {
    assertThatThrownBy(() -> prompt("ex-1").build())
        .hasMessageContaining("prompt 'ex-1' has no samples");
    assertThatThrownBy(() -> prompt(" ", 1).build()).hasMessageContaining("exampleId is blank");
  }

  @Test
  void answerFoundOfWrongLength() {
    assertThatThrownBy(() -> prompt("ex-2", 1, 0).found(true).build())
        .hasMessageContaining("prompt 'ex-2'")
        .hasMessageContaining("answerFound has 1 entries")
        .hasMessageContaining("2 samples");
  }

  @Test
  void scoresOfWrongLengthOrInfinite() {
    assertThatThrownBy(() -> prompt("ex-3", 1, 0).score("cot-score", 0.5).build())
        .hasMessageContaining("prompt 'ex-3'")
        .hasMessageContaining("verifier 'cot-score'")
        .hasMessageContaining("1 entries")
        .hasMessageContaining("2 samples");
    assertThatThrownBy(() ->
            prompt("ex-3", 1, 0).score("mc", 0.5, Double.POSITIVE_INFINITY).build())
        .hasMessageContaining("prompt 'ex-3'")
        .hasMessageContaining("verifier 'mc'")
        .hasMessageContaining("sample 1");
  }

  @Test
  void weightsOfWrongLengthNegativeOrNotFinite() {
    assertThatThrownBy(() -> prompt("ex-4", 1, 0).weights("mc", "quantile", 1).build())
        .hasMessageContaining("prompt 'ex-4'")
        .hasMessageContaining("verifier=mc, filter=quantile")
        .hasMessageContaining("1 entries")
        .hasMessageContaining("2 samples");
    assertThatThrownBy(
            () -> prompt("ex-4", 1, 0).weights("mc", "quantile", 1, -0.5).build())
        .hasMessageContaining("prompt 'ex-4'")
        .hasMessageContaining("verifier=mc, filter=quantile")
        .hasMessageContaining("sample 1")
        .hasMessageContaining("-0.5");
    assertThatThrownBy(
            () -> prompt("ex-4", 1, 0).weights("mc", "softmax", Double.NaN, 1).build())
        .hasMessageContaining("filter=softmax")
        .hasMessageContaining("sample 0");
    assertThatThrownBy(() -> prompt("ex-4", 1, 0)
            .weights("mc", "softmax", Double.POSITIVE_INFINITY, 1)
            .build())
        .hasMessageContaining("filter=softmax")
        .hasMessageContaining("finite");
  }

  @Test
  void blankStrategyLabels() {
    assertThatThrownBy(() -> new StrategyKey("", "top")).hasMessageContaining("verifier is blank");
    assertThatThrownBy(() -> new StrategyKey("mc", null)).hasMessageContaining("filter is blank");
  }

  @Test
  void nullMaps() {
    assertThatThrownBy(
            () -> new PromptData("ex-5", new double[] {1}, new boolean[] {true}, null, Map.of()))
        .hasMessageContaining("prompt 'ex-5': scores is null");
    assertThatThrownBy(
            () -> new PromptData("ex-5", new double[] {1}, new boolean[] {true}, Map.of(), null))
        .hasMessageContaining("prompt 'ex-5': weights is null");
  }

  @Test
  void emptyOrNullGroup() {
    MetricsCalculator calculator = new MetricsCalculator(MetricsSettings.defaults());
    assertThatThrownBy(() -> calculator.compute(List.of())).hasMessageContaining("no prompts");
    List<PromptData> withNull = new ArrayList<>();
    withNull.add(prompt("a", 1).build());
    withNull.add(null);
    assertThatThrownBy(() -> calculator.compute(withNull)).hasMessageContaining("position 1");
  }

  @Test
  void duplicateExampleIds() {
    assertThatThrownBy(() -> new MetricsCalculator(MetricsSettings.defaults())
            .compute(List.of(prompt("same", 1).build(), prompt("same", 0).build())))
        .hasMessageContaining("prompt 'same' occurs twice");
  }

  @Test
  void promptsScoredOrFilteredDifferently() {
    MetricsCalculator calculator = new MetricsCalculator(MetricsSettings.defaults());
    assertThatThrownBy(() -> calculator.compute(List.of(
            prompt("a", 1).score("mc", 1).score("cot", 1).build(),
            prompt("b", 1).score("mc", 1).build())))
        .hasMessageContaining("prompt 'b' has scores of verifiers [mc]")
        .hasMessageContaining("prompt 'a' has [cot, mc]");
    assertThatThrownBy(() -> calculator.compute(List.of(
            prompt("a", 1).weights("mc", "top", 1).build(),
            prompt("b", 1).weights("mc", "all", 1).build())))
        .hasMessageContaining("prompt 'b' has weights of strategies [mc/all]")
        .hasMessageContaining("[mc/top]");
  }

  @Test
  void passAtKLargerThanAPromptsSampleCount() {
    MetricsSettings settings = MetricsSettings.defaults().withPassAtK(List.of(1, 3));
    assertThatThrownBy(() -> new MetricsCalculator(settings)
            .compute(
                List.of(prompt("big", 1, 0, 1, 0).build(), prompt("small", 1, 0).build())))
        .hasMessageContaining("k=3")
        .hasMessageContaining("prompt 'small'")
        .hasMessageContaining("n=2");
  }

  @Test
  void invalidSettings() {
    assertThatThrownBy(() -> new MetricsSettings(0, 0.95, 0, List.of(1), EmptyKeptPolicy.FALLBACK))
        .hasMessageContaining("bootstrapDraws is 0");
    assertThatThrownBy(() -> new MetricsSettings(10, 1.0, 0, List.of(1), EmptyKeptPolicy.FALLBACK))
        .hasMessageContaining("confidence is 1.0");
    assertThatThrownBy(() -> new MetricsSettings(10, 0.9, 0, List.of(0), EmptyKeptPolicy.FALLBACK))
        .hasMessageContaining("passAtK contains 0");
    assertThatThrownBy(
            () -> new MetricsSettings(10, 0.9, 0, List.of(2, 2), EmptyKeptPolicy.FALLBACK))
        .hasMessageContaining("k=2 twice");
    assertThatThrownBy(() -> new MetricsSettings(10, 0.9, 0, List.of(1), null))
        .hasMessageContaining("emptyKept is null");
  }
}
