package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static final MetricsSettings SETTINGS = MetricsSettings.defaults();

  /** Prompts with n=4 samples, each utility 0 or 1 at random, and one strategy with random 0/1 weights. */
  private static List<PromptData> randomPrompts(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<PromptData> prompts = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      double[] u = new double[4];
      double[] w = new double[4];
      for (int i = 0; i < 4; i++) {
        u[i] = random.nextBoolean() ? 1 : 0;
        // a weakly informative filter: keeps correct samples more often than wrong ones
        w[i] = random.nextDouble() < (u[i] == 1 ? 0.7 : 0.4) ? 1 : 0;
      }
      prompts.add(
          PromptBuilder.prompt("p" + p, u).score("v", w).weights("v", "f", w).build());
    }
    return prompts;
  }

  private static double width(Estimate e) {
    return e.upper() - e.lower();
  }

  @Test
  void sameSeedGivesSameIntervalsAndOtherSeedOtherOnes() {
    List<PromptData> prompts = randomPrompts(40, 3);
    GroupMetrics first = new MetricsCalculator(SETTINGS).compute(prompts);
    GroupMetrics again = new MetricsCalculator(SETTINGS).compute(prompts);
    GroupMetrics otherSeed = new MetricsCalculator(SETTINGS.withSeed(99)).compute(prompts);
    assertThat(again).isEqualTo(first);
    assertThat(otherSeed.accuracy().value()).isEqualTo(first.accuracy().value());
    assertThat(otherSeed.accuracy()).isNotEqualTo(first.accuracy());
  }

  @Test
  void intervalsContainThePointEstimate() {
    for (long seed = 1; seed <= 10; seed++) {
      GroupMetrics m = new MetricsCalculator(SETTINGS).compute(randomPrompts(50, seed));
      StrategyMetrics s = m.strategies().get(0);
      for (Estimate e : List.of(
          m.accuracy(),
          m.passAtK().get(0).estimate(),
          s.jf(),
          s.jfw(),
          s.gap(),
          s.relativeGapPerPrompt(),
          s.relativeGapPooled())) {
        assertThat(e.lower()).as("seed %d: %s", seed, e).isLessThanOrEqualTo(e.value());
        assertThat(e.upper()).as("seed %d: %s", seed, e).isGreaterThanOrEqualTo(e.value());
        assertThat(width(e)).as("seed %d: %s", seed, e).isPositive();
      }
    }
  }

  @Test
  void intervalShrinksWithMorePrompts() {
    // The standard error of a mean falls as 1/sqrt(prompts): 100 times the prompts, a tenth the
    // width.
    GroupMetrics few = new MetricsCalculator(SETTINGS).compute(randomPrompts(20, 5));
    GroupMetrics many = new MetricsCalculator(SETTINGS).compute(randomPrompts(2000, 5));
    assertThat(width(many.accuracy())).isLessThan(width(few.accuracy()) / 4);
    assertThat(width(many.strategies().get(0).gap()))
        .isLessThan(width(few.strategies().get(0).gap()) / 4);
  }

  @Test
  void identicalPromptsGiveZeroWidthIntervals() {
    // every resample of identical prompts is the same prompts: J(f) = 0.5, J(f[w]) = 1, gap = 0.5
    List<PromptData> prompts = new ArrayList<>();
    for (int p = 0; p < 30; p++) {
      prompts.add(PromptBuilder.prompt("p" + p, 1, 0, 1, 0)
          .weights("v", "f", 1, 0, 1, 0)
          .build());
    }
    GroupMetrics m = new MetricsCalculator(SETTINGS).compute(prompts);
    assertThat(m.accuracy()).isEqualTo(new Estimate(0.5, 0.5, 0.5));
    StrategyMetrics s = m.strategies().get(0);
    assertThat(s.jfw()).isEqualTo(new Estimate(1, 1, 1));
    assertThat(s.gap()).isEqualTo(new Estimate(0.5, 0.5, 0.5));
    assertThat(s.relativeGapPooled()).isEqualTo(new Estimate(1, 1, 1));
  }

  @Test
  void twoPromptsGiveHandCheckablePercentiles() {
    // Prompt values 0 and 1: a resample's mean is 0, 0.5 or 1 with probability 1/4, 1/2, 1/4.
    // Of 1000 draws about 250 are 0 and 250 are 1, so the 2.5% and 97.5% percentiles are 0 and 1,
    // while the 30% and 70% percentiles (confidence 0.4) both fall among the 0.5s.
    double[] values = {0, 1};
    PromptStatistic mean = m -> PromptStatistic.mean(values, m);
    assertThat(new Bootstrap(SETTINGS).estimate(2, mean)).isEqualTo(new Estimate(0.5, 0, 1));
    MetricsSettings narrow =
        new MetricsSettings(1000, 0.4, 0, List.of(1), EmptyKeptPolicy.FALLBACK);
    assertThat(new Bootstrap(narrow).estimate(2, mean)).isEqualTo(new Estimate(0.5, 0.5, 0.5));
  }

  @Test
  void drawsWhereTheStatisticIsUndefinedAreLeftOut() {
    // undefined whenever prompt 0 is missing from the resample; otherwise always 7
    PromptStatistic statistic = m -> m[0] == 0 ? Double.NaN : 7;
    assertThat(new Bootstrap(SETTINGS).estimate(3, statistic)).isEqualTo(new Estimate(7, 7, 7));
    assertThat(new Bootstrap(SETTINGS).estimate(0, statistic)).isEqualTo(Estimate.undefined());
  }

  @Test
  void gapIntervalUsesTheSameResamplesForBothSides() {
    // Two kinds of prompt, both with J_x(f[w]) - J_x(f) = 0.25:
    //   u = 1 0 0 0, w = 1 1 0 0         -> J_x(f) = .25, J_x(f[w]) = 1/2
    //   u = 1 1 0 0, w = 1.5 1.5 1 0     -> J_x(f) = .5,  J_x(f[w]) = 3/4
    // J(f) varies across resamples, but the gap is 0.25 in every resample only if J(f) and J(f[w])
    // are computed on the same resample; unpaired resampling would give a wide gap interval.
    List<PromptData> prompts = new ArrayList<>();
    for (int p = 0; p < 40; p++) {
      prompts.add(
          p % 3 == 0
              ? PromptBuilder.prompt("p" + p, 1, 0, 0, 0)
                  .weights("v", "f", 1, 1, 0, 0)
                  .build()
              : PromptBuilder.prompt("p" + p, 1, 1, 0, 0)
                  .weights("v", "f", 1.5, 1.5, 1, 0)
                  .build());
    }
    StrategyMetrics s =
        new MetricsCalculator(SETTINGS).compute(prompts).strategies().get(0);
    assertThat(width(s.jf())).isGreaterThan(0.05);
    assertThat(s.gap().value()).isCloseTo(0.25, within(1e-12));
    assertThat(s.gap().lower()).isCloseTo(0.25, within(1e-12));
    assertThat(s.gap().upper()).isCloseTo(0.25, within(1e-12));
  }
}
