package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantileFilterTest {

  private static final double NAN = Double.NaN;

  @Test
  void keepsTheTopHalfByRank() {
    // n = 4, rank ceil(0.5 * 4) = 2; descending 0.9, 0.7, 0.5, 0.1 so the cut is 0.7.
    assertThat(QuantileFilter.weights(new double[] {0.9, 0.1, 0.5, 0.7}, 0.5))
        .containsExactly(1, 0, 0, 1);
  }

  @Test
  void keepsEveryTieAtTheCutSoMayKeepMoreThanAlpha() {
    // rank ceil(0.25 * 4) = 1, cut 0.8, and three samples score 0.8.
    assertThat(QuantileFilter.weights(new double[] {0.8, 0.8, 0.2, 0.8}, 0.25))
        .containsExactly(1, 1, 0, 1);
  }

  @Test
  void allEqualScoresAreAllKept() {
    assertThat(QuantileFilter.weights(new double[] {0.5, 0.5, 0.5, 0.5}, 0.25))
        .containsExactly(1, 1, 1, 1);
  }

  @Test
  void nanIsNeitherCountedNorKept() {
    // 3 scored samples, rank ceil(0.5 * 3) = 2; descending 0.9, 0.6, 0.3 so the cut is 0.6.
    assertThat(QuantileFilter.weights(new double[] {NAN, 0.3, NAN, 0.6, 0.9}, 0.5))
        .containsExactly(0, 0, 0, 1, 1);
  }

  @Test
  void allNanAndEmptyKeepNothing() {
    assertThat(QuantileFilter.weights(new double[] {NAN, NAN, NAN}, 0.5)).containsExactly(0, 0, 0);
    assertThat(QuantileFilter.weights(new double[0], 0.5)).isEmpty();
  }

  @Test
  void alphaOneKeepsEveryScoredSample() {
    assertThat(QuantileFilter.weights(new double[] {0.1, NAN, 0.0, 1.0}, 1.0))
        .containsExactly(1, 0, 1, 1);
  }

  @Test
  void cutRankIgnoresFloatingPointNoiseAboveAnInteger() {
    // 0.3 * 10 = 3.0000000000000004 and 0.7 * 10 = 7.000000000000001 in doubles: still ranks 3 and
    // 7.
    assertThat(QuantileFilter.cutRank(0.3, 10)).isEqualTo(3);
    assertThat(QuantileFilter.cutRank(0.7, 10)).isEqualTo(7);
    assertThat(QuantileFilter.cutRank(0.25, 5)).isEqualTo(2); // ceil(1.25)
    assertThat(QuantileFilter.cutRank(1e-6, 5)).isEqualTo(1); // never below rank 1
    assertThat(QuantileFilter.cutRank(1.0, 7)).isEqualTo(7);
    double[] tenths = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    assertThat(QuantileFilter.weights(tenths, 0.3)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 1);
  }

  @Test
  void agreesWithACountingImplementationOnRandomTiedScores() {
    // Independent rule: a scored sample is kept iff fewer than r scored samples beat it strictly,
    // where r = ceil(a * n / 20) is computed in integers for alpha = a / 20.
    Random random = new Random(42);
    for (int trial = 0; trial < 2000; trial++) {
      int length = random.nextInt(12);
      double[] scores = new double[length];
      for (int i = 0; i < length; i++) {
        scores[i] = random.nextInt(8) == 0 ? NAN : random.nextInt(5) / 4.0;
      }
      int a = 1 + random.nextInt(20);
      double[] actual = QuantileFilter.weights(scores, a / 20.0);
      int n =
          (int) java.util.Arrays.stream(scores).filter(s -> !Double.isNaN(s)).count();
      int rank = (a * n + 19) / 20;
      for (int i = 0; i < length; i++) {
        int strictlyBetter = 0;
        for (double other : scores) {
          if (other > scores[i]) {
            strictlyBetter++;
          }
        }
        double expected = !Double.isNaN(scores[i]) && strictlyBetter < rank ? 1 : 0;
        assertThat(actual[i]).as("trial %d sample %d", trial, i).isEqualTo(expected);
      }
    }
  }

  @Test
  void rejectsAlphaOutsideZeroToOne() {
    assertThatThrownBy(() -> new QuantileFilter.Options(0, Ties.BREAK))
        .hasMessageContaining("alpha must be in (0, 1]");
    assertThatThrownBy(() -> new QuantileFilter.Options(1.5, Ties.BREAK))
        .hasMessageContaining("was 1.5");
    assertThatThrownBy(() -> new QuantileFilter.Options(NAN, Ties.BREAK))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void providerBuildsTheSameRule() {
    var strategy = new QuantileFilter().create(new QuantileFilter.Options(0.5, Ties.BREAK));
    assertThat(strategy.weights(new double[] {0.9, 0.1, 0.5, 0.7}, Contexts.scoresOnly(4)))
        .containsExactly(1, 0, 0, 1);
  }
}
