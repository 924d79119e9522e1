package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Compares every strategy number with a plain loop written from the definitions, on 200 seeded
 * random groups per policy with saturated prompts, prompts that keep nothing and uneven sample
 * counts.
 */
class StrategyReferenceTest {

  private static final double EPS = 1e-12;
  private static final double[] LEVELS = {0, 0.25, 0.5, 0.75, 1};

  @Test
  void fallbackMatchesReferenceLoop() {
    compareOnRandomGroups(EmptyKeptPolicy.FALLBACK, 101);
  }

  @Test
  void excludeMatchesReferenceLoop() {
    compareOnRandomGroups(EmptyKeptPolicy.EXCLUDE, 202);
  }

  private static void compareOnRandomGroups(EmptyKeptPolicy policy, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    MetricsSettings settings = new MetricsSettings(1, 0.95, 0, List.of(1), policy);
    int sawEmpty = 0;
    int sawSaturated = 0;
    int sawAllEmpty = 0;
    for (int trial = 0; trial < 200; trial++) {
      List<PromptData> prompts = randomGroup(random, trial);
      StrategyMetrics actual =
          new MetricsCalculator(settings).compute(prompts).strategies().get(0);
      Reference expected = Reference.of(prompts, policy);
      String at = "trial " + trial + " " + policy;
      assertThat(actual.promptsUsed()).as(at).isEqualTo(expected.used);
      assertThat(actual.emptyKeptPrompts()).as(at).isEqualTo(expected.empty);
      assertThat(actual.saturatedPrompts()).as(at).isEqualTo(expected.saturated);
      assertClose(actual.jf().value(), expected.jf(), at + " jf");
      assertClose(actual.jfw().value(), expected.jfw(), at + " jfw");
      assertClose(actual.gap().value(), expected.jfw() - expected.jf(), at + " gap");
      assertClose(
          actual.relativeGapPerPrompt().value(),
          expected.relativePerPrompt(),
          at + " relative per prompt");
      assertClose(
          actual.relativeGapPooled().value(), expected.relativePooled(), at + " relative pooled");
      assertClose(actual.keptFraction(), expected.keptFraction(), at + " kept fraction");
      assertClose(actual.precision(), expected.precision(), at + " precision");
      assertClose(actual.recall(), expected.recall(), at + " recall");
      assertClose(
          actual.oracleMinusSelected(),
          expected.coverage() - expected.jfw(),
          at + " oracle minus selected");
      sawEmpty += expected.empty;
      sawAllEmpty += expected.allEmpty ? 1 : 0;
      sawSaturated += expected.saturated;
    }
    // the random groups must actually exercise the special cases
    assertThat(sawEmpty).isGreaterThan(50);
    assertThat(sawSaturated).isGreaterThan(50);
    assertThat(sawAllEmpty).isGreaterThan(5);
  }

  private static void assertClose(double actual, double expected, String what) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
    } else {
      assertThat(actual).as(what).isCloseTo(expected, within(EPS));
    }
  }

  private static List<PromptData> randomGroup(SplittableRandom random, int trial) {
    int promptCount = 1 + random.nextInt(8);
    List<PromptData> prompts = new ArrayList<>();
    for (int p = 0; p < promptCount; p++) {
      int n = 1 + random.nextInt(6);
      boolean saturated = random.nextInt(5) == 0;
      boolean keepNothing = random.nextInt(4) == 0;
      double[] u = new double[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        u[i] = saturated ? 1 : LEVELS[random.nextInt(LEVELS.length)];
        w[i] = keepNothing || random.nextInt(5) < 2 ? 0 : random.nextDouble(0.01, 2);
      }
      prompts.add(
          PromptBuilder.prompt("t" + trial + "p" + p, u).weights("v", "f", w).build());
    }
    return prompts;
  }

  /** The definitions, as a plain loop. */
  private static final class Reference {
    int used;
    int empty;
    int saturated;
    double sumJf;
    double sumJfw;
    double sumRelative;
    int relativeCount;
    int covered;
    int samples;
    int kept;
    int keptCorrect;
    int correct;
    // nothing kept on any prompt: no filtered accuracy, so no J(f[w]), gap or relative gap
    boolean allEmpty;

    static Reference of(List<PromptData> prompts, EmptyKeptPolicy policy) {
      Reference r = new Reference();
      for (PromptData prompt : prompts) {
        double[] u = prompt.utilities();
        double[] w = prompt.weights().values().iterator().next();
        double sumU = 0;
        double sumW = 0;
        double sumWu = 0;
        boolean allOne = true;
        boolean anyCorrect = false;
        for (int i = 0; i < u.length; i++) {
          sumU += u[i];
          sumW += w[i];
          sumWu += w[i] * u[i];
          allOne &= u[i] == 1;
          anyCorrect |= u[i] >= 0.5;
          r.samples++;
          r.kept += w[i] > 0 ? 1 : 0;
          r.correct += u[i] >= 0.5 ? 1 : 0;
          r.keptCorrect += w[i] > 0 && u[i] >= 0.5 ? 1 : 0;
        }
        boolean keptNothing = sumW == 0;
        if (keptNothing) {
          r.empty++;
          if (policy == EmptyKeptPolicy.EXCLUDE) {
            continue;
          }
        }
        double jx = sumU / u.length;
        double jwx = keptNothing ? jx : sumWu / sumW;
        r.used++;
        r.sumJf += jx;
        r.sumJfw += jwx;
        r.covered += anyCorrect ? 1 : 0;
        if (allOne) {
          r.saturated++;
        } else {
          r.sumRelative += (jwx - jx) / (1 - jx);
          r.relativeCount++;
        }
      }
      r.allEmpty = r.empty == prompts.size();
      return r;
    }

    double jf() {
      return used == 0 ? Double.NaN : sumJf / used;
    }

    double jfw() {
      return used == 0 || allEmpty ? Double.NaN : sumJfw / used;
    }

    double relativePerPrompt() {
      return relativeCount == 0 || allEmpty ? Double.NaN : sumRelative / relativeCount;
    }

    double relativePooled() {
      return used == 0 || allEmpty || jf() == 1 ? Double.NaN : (jfw() - jf()) / (1 - jf());
    }

    double coverage() {
      return used == 0 ? Double.NaN : (double) covered / used;
    }

    double keptFraction() {
      return (double) kept / samples;
    }

    double precision() {
      return kept == 0 ? Double.NaN : (double) keptCorrect / kept;
    }

    double recall() {
      return correct == 0 ? Double.NaN : (double) keptCorrect / correct;
    }
  }
}
