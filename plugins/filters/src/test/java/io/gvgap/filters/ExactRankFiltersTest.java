package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.task.Answer;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code quantile} and {@code top-k} with {@code ties: break}: exactly the asked count. */
class ExactRankFiltersTest {
  private static final double NAN = Double.NaN;

  private static FilterContext context(String exampleId, long seed, int n) {
    return new FilterContext(exampleId, Collections.nCopies(n, Answer.none()), seed);
  }

  private static int kept(double[] weights) {
    int count = 0;
    for (double w : weights) {
      count += w > 0 ? 1 : 0;
    }
    return count;
  }

  @Test
  void quantileKeepsExactlyCeilAlphaNWithTiesBrokenByTheRecordedSeed() {
    // 8 samples, three distinct scores: 0.9 x1, 0.5 x5, 0.1 x2. alpha 0.25 -> ceil(2) = 2 kept: the
    // 0.9 and one of the five 0.5s, the one whose TieBreak key (seed 11, "q-3", index) is smallest.
    double[] scores = {0.5, 0.1, 0.5, 0.9, 0.5, 0.5, 0.1, 0.5};
    int[] tied = {0, 2, 4, 5, 7};
    int winner = tied[0];
    for (int i : tied) {
      if (Long.compareUnsigned(TieBreak.key(11, "q-3", i), TieBreak.key(11, "q-3", winner)) < 0) {
        winner = i;
      }
    }
    double[] expected = new double[8];
    expected[3] = 1;
    expected[winner] = 1;
    var strategy = new QuantileFilter().create(new QuantileFilter.Options(0.25, Ties.BREAK));
    assertThat(strategy.weights(scores, context("q-3", 11, 8))).containsExactly(expected);
    // ties kept, the same scores keep all six samples at or above 0.5: 75 %, not 25 %
    var keep = new QuantileFilter().create(new QuantileFilter.Options(0.25, Ties.KEEP));
    assertThat(kept(keep.weights(scores, context("q-3", 11, 8)))).isEqualTo(6);
  }

  @Test
  void theSameSeedKeepsTheSameSamplesAndAnotherSeedCanKeepOthers() {
    double[] allTied = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    double[] a = QuantileFilter.weights(allTied, 0.25, 1, "x");
    assertThat(QuantileFilter.weights(allTied, 0.25, 1, "x")).containsExactly(a);
    boolean differs = false;
    for (long seed = 2; seed < 20 && !differs; seed++) {
      differs = !java.util.Arrays.equals(a, QuantileFilter.weights(allTied, 0.25, seed, "x"));
    }
    assertThat(differs).as("some other seed keeps other samples").isTrue();
  }

  @Test
  void keepsExactlyTheAskedCountOnRandomTiedScoresAgainstABruteForceReference() {
    Random random = new Random(5);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + random.nextInt(16);
      double[] scores = new double[n];
      for (int i = 0; i < n; i++) {
        // few distinct values, as a CoT-Score judge gives, and some parse failures
        scores[i] = random.nextInt(6) == 0 ? NAN : random.nextInt(3) / 2.0;
      }
      int scored = 0;
      for (double s : scores) {
        scored += Double.isNaN(s) ? 0 : 1;
      }
      double alpha = (1 + random.nextInt(20)) / 20.0;
      int k = 1 + random.nextInt(6);
      String id = "e" + trial;
      double[] quantile = QuantileFilter.weights(scores, alpha, trial, id);
      double[] topK = new TopKFilter()
          .create(new TopKFilter.Options(k, Ties.BREAK))
          .weights(scores, context(id, trial, n));
      int expectedQuantile = scored == 0 ? 0 : (int) Math.ceil(alpha * scored - 1e-9);
      assertThat(kept(quantile)).as("quantile trial %d", trial).isEqualTo(expectedQuantile);
      assertThat(kept(topK)).as("top-k trial %d", trial).isEqualTo(Math.min(k, scored));
      // brute force: a kept sample never scores below a dropped scored one, and among equal scores
      // a kept one never has a larger tie-break key than a dropped one; NaN is never kept
      for (double[] w : new double[][] {quantile, topK}) {
        for (int i = 0; i < n; i++) {
          if (Double.isNaN(scores[i])) {
            assertThat(w[i]).isZero();
            continue;
          }
          for (int j = 0; j < n; j++) {
            if (w[i] > 0 && w[j] == 0 && !Double.isNaN(scores[j])) {
              assertThat(scores[i]).isGreaterThanOrEqualTo(scores[j]);
              if (scores[i] == scores[j]) {
                assertThat(Long.compareUnsigned(
                        TieBreak.key(trial, id, i), TieBreak.key(trial, id, j)))
                    .isNegative();
              }
            }
          }
        }
      }
    }
  }
}
