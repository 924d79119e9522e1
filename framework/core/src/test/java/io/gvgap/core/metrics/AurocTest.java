package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AurocTest {

  @Test
  void handComputedWithTie() {
    // positives {0.9, 0.8}, negatives {0.8, 0.1}:
    // 0.9>0.8 (1), 0.9>0.1 (1), 0.8=0.8 (1/2), 0.8>0.1 (1) -> 3.5 of 4 pairs = 0.875
    double auc =
        Auroc.of(new double[] {0.9, 0.8, 0.8, 0.1}, new boolean[] {true, false, true, false});
    assertThat(auc).isCloseTo(0.875, within(1e-15));
  }

  @Test
  void perfectAndReversedAndAllTied() {
    assertThat(Auroc.of(new double[] {1, 0}, new boolean[] {true, false})).isEqualTo(1.0);
    assertThat(Auroc.of(new double[] {0, 1}, new boolean[] {true, false})).isEqualTo(0.0);
    assertThat(Auroc.of(new double[] {3, 3, 3}, new boolean[] {true, false, false}))
        .isEqualTo(0.5);
  }

  @Test
  void undefinedWhenAClassIsEmpty() {
    assertThat(Auroc.of(new double[] {0.2, 0.4}, new boolean[] {true, true})).isNaN();
    assertThat(Auroc.of(new double[] {0.2, 0.4}, new boolean[] {false, false})).isNaN();
    assertThat(Auroc.of(new double[] {}, new boolean[] {})).isNaN();
  }

  @Test
  void matchesCountingAllPairs() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 300; trial++) {
      int n = 2 + random.nextInt(30);
      double[] scores = new double[n];
      boolean[] positive = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(5) / 4.0; // few levels, so many ties
        positive[i] = random.nextBoolean();
      }
      double expected = byPairs(scores, positive);
      double actual = Auroc.of(scores, positive);
      if (Double.isNaN(expected)) {
        assertThat(actual).isNaN();
      } else {
        assertThat(actual).isCloseTo(expected, within(1e-12));
      }
    }
  }

  private static double byPairs(double[] scores, boolean[] positive) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores.length; j++) {
        if (positive[i] && !positive[j]) {
          pairs++;
          wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
      }
    }
    return pairs == 0 ? Double.NaN : wins / pairs;
  }
}
