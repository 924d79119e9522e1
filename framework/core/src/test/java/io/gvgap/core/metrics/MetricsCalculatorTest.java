package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number of {@link HandGroup}, computed by hand (arithmetic in the comments). */
class MetricsCalculatorTest {

  private static final double EPS = 1e-12;

  private static GroupMetrics compute(EmptyKeptPolicy policy) {
    MetricsSettings settings =
        MetricsSettings.defaults().withPassAtK(List.of(1, 2)).withEmptyKept(policy);
    return new MetricsCalculator(settings).compute(HandGroup.prompts());
  }

  @Test
  void groupLevelNumbers() {
    GroupMetrics m = compute(EmptyKeptPolicy.FALLBACK);
    assertThat(m.prompts()).isEqualTo(3);
    assertThat(m.samples()).isEqualTo(9); // 4 + 2 + 3
    // J(f) = (J_A + J_B + J_C) / 3 = (0.5 + 0 + 1) / 3 = 0.5
    assertThat(m.accuracy().value()).isCloseTo(0.5, within(EPS));
    assertThat(m.extractionFailureRate())
        .isCloseTo(1.0 / 9, within(EPS)); // one answer of 9 not found
    assertThat(m.coverage())
        .isCloseTo(2.0 / 3, within(EPS)); // A and C have a correct sample, B not
    // pass@1 = (2/4 + 0/2 + 3/3) / 3 = 0.5
    // pass@2: A 1 - C(2,2)/C(4,2) = 5/6; B 0; C (n-c = 0 < 2) 1 -> (5/6 + 0 + 1) / 3 = 11/18
    assertThat(m.passAtK()).extracting(PassAtK::k).containsExactly(1, 2);
    assertThat(m.passAtK().get(0).estimate().value()).isCloseTo(0.5, within(EPS));
    assertThat(m.passAtK().get(1).estimate().value()).isCloseTo(11.0 / 18, within(EPS));
  }

  @Test
  void verifierNumbers() {
    List<VerifierMetrics> verifiers = compute(EmptyKeptPolicy.FALLBACK).verifiers();
    assertThat(verifiers).extracting(VerifierMetrics::verifier).containsExactly("v1", "v2");
    VerifierMetrics v1 = verifiers.get(0);
    // v1: 2 of 9 scores NaN; scored: .9 .2 .75 .1 .3 .8 .7, sum 3.75
    assertThat(v1.scoredSamples()).isEqualTo(7);
    assertThat(v1.parseFailures()).isEqualTo(2);
    assertThat(v1.parseFailureRate()).isCloseTo(2.0 / 9, within(EPS));
    assertThat(v1.meanScore()).isCloseTo(3.75 / 7, within(EPS));
    // correct {.9 .8 .7} vs wrong {.2 .75 .1 .3}: .9 and .8 beat all 4, .7 beats 3 (not .75) ->
    // 11/12
    assertThat(v1.auroc()).isCloseTo(11.0 / 12, within(EPS));
    VerifierMetrics v2 = verifiers.get(1);
    assertThat(v2.parseFailures()).isZero();
    assertThat(v2.meanScore()).isCloseTo(5.0 / 9, within(EPS)); // five 1s of 9
    // correct scores {1,1,1,1,0}, wrong {0,1,0,0}: each correct 1 beats three 0s and ties one 1
    // (3.5),
    // the correct 0 ties three 0s (1.5): (4*3.5 + 1.5) / 20 = 15.5 / 20 = 0.775
    assertThat(v2.auroc()).isCloseTo(0.775, within(EPS));
  }

  @Test
  void correlationNumbers() {
    List<VerifierCorrelation> correlations = compute(EmptyKeptPolicy.FALLBACK).correlations();
    assertThat(correlations).hasSize(1);
    VerifierCorrelation c = correlations.get(0);
    assertThat(c.first()).isEqualTo("v1");
    assertThat(c.second()).isEqualTo("v2");
    // both scored 7 samples: x = .9 .2 .75 .1 .3 .8 .7, y = 1 0 1 0 0 1 1
    assertThat(c.n()).isEqualTo(7);
    // Sxy = 3.15 - 3.75*4/7 = 7.05/7, Sxx = 2.6425 - 3.75^2/7 = 4.435/7, Syy = 4 - 16/7 = 12/7
    // r = 7.05 / sqrt(4.435 * 12)
    assertThat(c.pearson()).isCloseTo(7.05 / Math.sqrt(4.435 * 12), within(EPS));
    // ranks x = 7 2 5 1 3 6 4, ranks y = 5.5 2 5.5 2 2 5.5 5.5 (both mean 4):
    // Σdd = 21, Σdx² = 28, Σdy² = 21 -> rho = 21 / sqrt(28*21) = sqrt(3/4)
    assertThat(c.spearman()).isCloseTo(Math.sqrt(0.75), within(EPS));
  }

  @Test
  void correlationOfTinyRankedCase() {
    // x = 1 2 3, y = 1 3 2: deviations (-1 0 1) and (-1 1 0): Σdd = 1, Σdx² = Σdy² = 2 -> r = rho =
    // 0.5.
    // The third sample has a parse failure in x and is left out.
    List<PromptData> prompts = List.of(PromptBuilder.prompt("p", 1, 0, 1, 0)
        .score("x", 1, 2, 3, Double.NaN)
        .score("y", 1, 3, 2, 7)
        .build());
    VerifierCorrelation c = new MetricsCalculator(MetricsSettings.defaults())
        .compute(prompts)
        .correlations()
        .get(0);
    assertThat(c.n()).isEqualTo(3);
    assertThat(c.pearson()).isCloseTo(0.5, within(EPS));
    assertThat(c.spearman()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void correlationUndefinedWhenTooFewOrConstant() {
    List<PromptData> prompts = List.of(PromptBuilder.prompt("p", 1, 0, 1)
        .score("x", 0.5, 0.5, 0.5)
        .score("y", 0.1, 0.2, Double.NaN)
        .score("z", Double.NaN, Double.NaN, 0.3)
        .build());
    List<VerifierCorrelation> c =
        new MetricsCalculator(MetricsSettings.defaults()).compute(prompts).correlations();
    assertThat(c)
        .extracting(VerifierCorrelation::first, VerifierCorrelation::second, VerifierCorrelation::n)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("x", "y", 2),
            org.assertj.core.groups.Tuple.tuple("x", "z", 1),
            org.assertj.core.groups.Tuple.tuple("y", "z", 0));
    assertThat(c.get(0).pearson()).isNaN(); // x constant
    assertThat(c.get(1).spearman()).isNaN(); // one pair
    assertThat(c.get(2).pearson()).isNaN(); // none
  }

  @Test
  void strategyWithEmptyKeptPromptUnderFallback() {
    StrategyMetrics top = compute(EmptyKeptPolicy.FALLBACK).strategies().get(0);
    assertThat(top.key()).isEqualTo(HandGroup.TOP);
    assertThat(top.promptsUsed()).isEqualTo(3);
    assertThat(top.emptyKeptPrompts()).isEqualTo(1); // B kept nothing
    assertThat(top.saturatedPrompts()).isEqualTo(1); // C
    // J_x(f) = .5 0 1; J_x(f[w]) = 1, (B falls back to J_B(f) =) 0, 1
    assertThat(top.jf().value()).isCloseTo(0.5, within(EPS));
    assertThat(top.jfw().value()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(top.gap().value()).isCloseTo(1.0 / 6, within(EPS));
    // per prompt without C: ((1 - .5)/.5 + (0 - 0)/1) / 2 = 0.5
    assertThat(top.relativeGapPerPrompt().value()).isCloseTo(0.5, within(EPS));
    // pooled: (1/6) / (1 - 0.5) = 1/3
    assertThat(top.relativeGapPooled().value()).isCloseTo(1.0 / 3, within(EPS));
    // kept 1 + 0 + 2 of 9; TP = A0, C0, C1; FN = A2, C2; FP = 0
    assertThat(top.keptFraction()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(top.precision()).isEqualTo(1.0);
    assertThat(top.recall()).isCloseTo(0.6, within(EPS));
    assertThat(top.f1()).isCloseTo(0.75, within(EPS)); // 6 / (6 + 0 + 2)
    assertThat(top.oracleMinusSelected()).isCloseTo(0.0, within(EPS)); // coverage 2/3 - J(f[w]) 2/3
  }

  @Test
  void aStrategyThatKeptNothingOnAnyPromptHasNoGapNotAZeroGap() {
    List<PromptData> prompts = List.of(
        PromptBuilder.prompt("A", 1, 0)
            .score("v", 0.1, 0.2)
            .weights("v", "none", 0, 0)
            .build(),
        PromptBuilder.prompt("B", 0, 0)
            .score("v", 0.3, 0.4)
            .weights("v", "none", 0, 0)
            .build());
    for (EmptyKeptPolicy policy : EmptyKeptPolicy.values()) {
      StrategyMetrics none = new MetricsCalculator(MetricsSettings.defaults().withEmptyKept(policy))
          .compute(prompts)
          .strategies()
          .get(0);
      assertThat(none.emptyKeptPrompts()).as("%s", policy).isEqualTo(2);
      assertThat(none.keptFraction()).isZero();
      assertThat(none.jfw().defined()).as("%s", policy).isFalse();
      assertThat(none.gap().defined()).as("%s", policy).isFalse();
      assertThat(none.gap().lower()).isNaN();
      assertThat(none.relativeGapPerPrompt().defined()).isFalse();
      assertThat(none.relativeGapPooled().defined()).isFalse();
    }
  }

  @Test
  void strategyWithEmptyKeptPromptUnderExclude() {
    StrategyMetrics top = compute(EmptyKeptPolicy.EXCLUDE).strategies().get(0);
    assertThat(top.promptsUsed()).isEqualTo(2); // A and C
    assertThat(top.emptyKeptPrompts()).isEqualTo(1);
    assertThat(top.saturatedPrompts()).isEqualTo(1);
    // B leaves both sides: J(f) = (.5 + 1)/2 = .75, J(f[w]) = (1 + 1)/2 = 1, gap = .25
    assertThat(top.jf().value()).isCloseTo(0.75, within(EPS));
    assertThat(top.jfw().value()).isCloseTo(1.0, within(EPS));
    assertThat(top.gap().value()).isCloseTo(0.25, within(EPS));
    assertThat(top.relativeGapPerPrompt().value()).isCloseTo(1.0, within(EPS)); // A only: .5/.5
    assertThat(top.relativeGapPooled().value()).isCloseTo(1.0, within(EPS)); // .25 / .25
    assertThat(top.oracleMinusSelected())
        .isCloseTo(0.0, within(EPS)); // coverage of A, C = 1; minus 1
    // kept fraction and precision/recall are over all samples, whatever the policy
    assertThat(top.keptFraction()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(top.recall()).isCloseTo(0.6, within(EPS));
  }

  @Test
  void emptyKeptPromptIsNeverDroppedFromOneSideOnly() {
    // Dropping B from J(f[w]) only would give J(f[w]) = 1 against J(f) = 0.5, a gap of 0.5 under
    // both
    // policies. The correct gaps are 1/6 (FALLBACK) and 0.25 (EXCLUDE, J(f) over A and C).
    StrategyMetrics fallback = compute(EmptyKeptPolicy.FALLBACK).strategies().get(0);
    StrategyMetrics exclude = compute(EmptyKeptPolicy.EXCLUDE).strategies().get(0);
    assertThat(fallback.gap().value()).isCloseTo(1.0 / 6, within(EPS));
    assertThat(exclude.gap().value()).isCloseTo(0.25, within(EPS));
    assertThat(exclude.jf().value()).isNotCloseTo(0.5, within(0.1));
    assertThat(exclude.gap().value())
        .isCloseTo(exclude.jfw().value() - exclude.jf().value(), within(EPS));
  }

  @Test
  void strategyWithoutEmptyKeptPrompts() {
    StrategyMetrics positive = compute(EmptyKeptPolicy.EXCLUDE).strategies().get(1);
    assertThat(positive.key()).isEqualTo(HandGroup.POSITIVE);
    assertThat(positive.promptsUsed()).isEqualTo(3);
    assertThat(positive.emptyKeptPrompts()).isZero();
    // J_x(f[w]) = A (1 + 1 + 0)/3 = 2/3, B (.5*0 + .5*0)/1 = 0, C 1 -> J(f[w]) = 5/9; J(f) = .5
    assertThat(positive.jfw().value()).isCloseTo(5.0 / 9, within(EPS));
    assertThat(positive.gap().value()).isCloseTo(1.0 / 18, within(EPS));
    // per prompt: A (2/3 - 1/2)/(1/2) = 1/3, B 0 -> 1/6; pooled (1/18)/(1/2) = 1/9
    assertThat(positive.relativeGapPerPrompt().value()).isCloseTo(1.0 / 6, within(EPS));
    assertThat(positive.relativeGapPooled().value()).isCloseTo(1.0 / 9, within(EPS));
    // kept 3 + 2 + 2 of 9; TP = A0 A2 C0 C1, FP = A3 B0 B1, FN = C2
    assertThat(positive.keptFraction()).isCloseTo(7.0 / 9, within(EPS));
    assertThat(positive.precision()).isCloseTo(4.0 / 7, within(EPS));
    assertThat(positive.recall()).isCloseTo(0.8, within(EPS));
    assertThat(positive.f1()).isCloseTo(2.0 / 3, within(EPS)); // 8 / (8 + 3 + 1)
    assertThat(positive.oracleMinusSelected()).isCloseTo(2.0 / 3 - 5.0 / 9, within(EPS));
  }

  @Test
  void allPromptsKeptNothingUnderExcludeLeavesGapUndefined() {
    List<PromptData> prompts = List.of(
        PromptBuilder.prompt("a", 1, 0).weights("v", "f", 0, 0).build(),
        PromptBuilder.prompt("b", 0, 0).weights("v", "f", 0, 0).build());
    MetricsSettings settings = MetricsSettings.defaults().withEmptyKept(EmptyKeptPolicy.EXCLUDE);
    StrategyMetrics s =
        new MetricsCalculator(settings).compute(prompts).strategies().get(0);
    assertThat(s.promptsUsed()).isZero();
    assertThat(s.emptyKeptPrompts()).isEqualTo(2);
    assertThat(s.gap()).isEqualTo(Estimate.undefined());
    assertThat(s.oracleMinusSelected()).isNaN();
    assertThat(s.keptFraction()).isEqualTo(0.0);
  }

  @Test
  void allPromptsKeptNothingUnderFallbackIsAbsentNotAZeroGap() {
    // Before: FALLBACK set J_x(f[w]) := J_x(f) on both prompts and reported gap 0 [0, 0].
    List<PromptData> prompts = List.of(
        PromptBuilder.prompt("a", 1, 0).weights("v", "f", 0, 0).build(),
        PromptBuilder.prompt("b", 0, 0).weights("v", "f", 0, 0).build());
    MetricsSettings settings = MetricsSettings.defaults().withEmptyKept(EmptyKeptPolicy.FALLBACK);
    StrategyMetrics s =
        new MetricsCalculator(settings).compute(prompts).strategies().get(0);
    assertThat(s.emptyKeptPrompts()).isEqualTo(2);
    assertThat(s.jf().value()).isCloseTo(0.25, within(EPS));
    assertThat(s.jfw()).isEqualTo(Estimate.undefined());
    assertThat(s.gap()).isEqualTo(Estimate.undefined());
    assertThat(s.relativeGapPerPrompt()).isEqualTo(Estimate.undefined());
    assertThat(s.relativeGapPooled()).isEqualTo(Estimate.undefined());
    assertThat(s.oracleMinusSelected()).isNaN();
    assertThat(s.keptFraction()).isEqualTo(0.0);
  }
}
