package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.task.Answer;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code quantile} and {@code top-k} with {@code ties: break}: exact counts, recomputable ties. */
class QuantileTieBreakTest {

  private static final double NAN = Double.NaN;

  @Test
  void keepsExactlyCeilAlphaNAndTheTieGoesToTheSmallestRecordedKey() {
    // rank ceil(0.25 * 4) = 1; samples 0, 1 and 3 tie at 0.8. The kept one is the tied sample
    // whose key under seed 7 ^ fnv1a64("quantile") and example id "ex-9" is smallest.
    double[] scores = {0.8, 0.8, 0.2, 0.8};
    long seed = 7 ^ TieBreak.hash64("quantile");
    int winner = -1;
    for (int i : new int[] {0, 1, 3}) {
      if (winner < 0
          || Long.compareUnsigned(TieBreak.key(seed, "ex-9", i), TieBreak.key(seed, "ex-9", winner))
              < 0) {
        winner = i;
      }
    }
    double[] expected = new double[4];
    expected[winner] = 1;
    assertThat(QuantileFilter.weights(scores, 0.25, 7, "ex-9")).containsExactly(expected);
  }

  @Test
  void theOldRuleIsStillThereWithTiesKeep() {
    var keep = new QuantileFilter().create(new QuantileFilter.Options(0.25, Ties.KEEP));
    assertThat(keep.weights(new double[] {0.8, 0.8, 0.2, 0.8}, context("ex", 4, 7)))
        .containsExactly(1, 1, 0, 1);
    var dflt = new QuantileFilter().create(OptionDefaults.of(QuantileFilter.Options.class));
    assertThat(Arrays.stream(dflt.weights(new double[] {0.8, 0.8, 0.2, 0.8}, context("ex", 4, 7)))
            .sum())
        .as("default is ties: break")
        .isEqualTo(1);
  }

  @Test
  void agreesWithABruteForceRuleOnRandomTiedScores() {
    // Independent rule: order scored samples by (score descending, recomputed key ascending) and
    // keep the first ceil(a * n / 20) (integer arithmetic for alpha = a / 20).
    Random random = new Random(5);
    for (int trial = 0; trial < 3000; trial++) {
      int length = random.nextInt(14);
      double[] scores = new double[length];
      for (int i = 0; i < length; i++) {
        scores[i] = random.nextInt(8) == 0 ? NAN : random.nextInt(3) / 2.0;
      }
      int a = 1 + random.nextInt(20);
      long runSeed = random.nextLong();
      String id = "p" + random.nextInt(1000);
      double[] actual = QuantileFilter.weights(scores, a / 20.0, runSeed, id);
      long seed = runSeed ^ TieBreak.hash64("quantile");
      int n = (int) Arrays.stream(scores).filter(s -> !Double.isNaN(s)).count();
      int keep = n == 0 ? 0 : Math.max(1, (a * n + 19) / 20);
      for (int i = 0; i < length; i++) {
        int before = 0;
        for (int j = 0; j < length; j++) {
          if (Double.isNaN(scores[j]) || j == i) {
            continue;
          }
          if (scores[j] > scores[i]
              || (scores[j] == scores[i]
                  && Long.compareUnsigned(TieBreak.key(seed, id, j), TieBreak.key(seed, id, i))
                      < 0)) {
            before++;
          }
        }
        double expected = !Double.isNaN(scores[i]) && before < keep ? 1 : 0;
        assertThat(actual[i]).as("trial %d sample %d", trial, i).isEqualTo(expected);
      }
      assertThat(Arrays.stream(actual).sum()).as("trial %d kept count", trial).isEqualTo(keep);
    }
  }

  @Test
  void noSamplePositionIsFavouredAcrossExamples() {
    // All 4 samples tie; over 4000 examples each position should win about 1000 times.
    int[] wins = new int[4];
    for (int e = 0; e < 4000; e++) {
      double[] w = QuantileFilter.weights(new double[] {1, 1, 1, 1}, 0.25, 3, "example-" + e);
      for (int i = 0; i < 4; i++) {
        wins[i] += (int) w[i];
      }
    }
    assertThat(Arrays.stream(wins).sum()).isEqualTo(4000);
    for (int count : wins) {
      assertThat(count).isBetween(850, 1150);
    }
  }

  @Test
  void theStrategyUsesTheContextSeedAndExampleIdOnly() {
    var strategy = new QuantileFilter().create(new QuantileFilter.Options(0.5));
    double[] scores = {1, 1, 1, 1, 0, 0};
    for (String id : new String[] {"a", "b", "c"}) {
      assertThat(strategy.weights(scores.clone(), context(id, 6, 11)))
          .containsExactly(QuantileFilter.weights(scores, 0.5, 11, id));
    }
  }

  @Test
  void topKBreaksTiesToExactlyKOrKeepsThemWithTiesKeep() {
    double[] scores = {0.2, 0.9, 0.9, 0.5, 0.1};
    double[] one = TopKFilter.weights(scores, 1, 7, "ex");
    assertThat(Arrays.stream(one).sum()).isEqualTo(1);
    assertThat(one[1] + one[2]).isEqualTo(1);
    long seed = 7 ^ TieBreak.hash64("top-k");
    int winner =
        Long.compareUnsigned(TieBreak.key(seed, "ex", 1), TieBreak.key(seed, "ex", 2)) < 0 ? 1 : 2;
    assertThat(one[winner]).isEqualTo(1);
    assertThat(TopKFilter.weights(scores, 2, 7, "ex")).containsExactly(0, 1, 1, 0, 0);
    assertThat(TopKFilter.weights(new double[] {0.3, NAN, 0.1}, 10, 7, "ex"))
        .containsExactly(1, 0, 1);
    var keep = new TopKFilter().create(new TopKFilter.Options(1, Ties.KEEP));
    assertThat(keep.weights(scores, context("ex", 5, 7))).containsExactly(0, 1, 1, 0, 0);
  }

  private static FilterContext context(String id, int n, long seed) {
    return new FilterContext(id, Collections.nCopies(n, Answer.none()), seed);
  }
}
