package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnbiasedPassAtKTest {

  @Test
  void handComputedValues() {
    // n=4, c=1, k=2: 1 - C(3,2)/C(4,2) = 1 - 3/6 = 0.5
    assertThat(UnbiasedPassAtK.probability(4, 1, 2)).isCloseTo(0.5, within(1e-15));
    // n=5, c=2, k=2: 1 - C(3,2)/C(5,2) = 1 - 3/10 = 0.7
    assertThat(UnbiasedPassAtK.probability(5, 2, 2)).isCloseTo(0.7, within(1e-15));
    // k=1 is the fraction correct: 3/8
    assertThat(UnbiasedPassAtK.probability(8, 3, 1)).isCloseTo(0.375, within(1e-15));
    // n - c = 1 < k = 2: every pair holds a correct sample
    assertThat(UnbiasedPassAtK.probability(3, 2, 2)).isEqualTo(1.0);
    assertThat(UnbiasedPassAtK.probability(6, 0, 3)).isEqualTo(0.0);
  }

  @Test
  void staysFiniteWhereFactorialsWouldOverflow() {
    // n=1000, c=1, k=500: 1 - C(999,500)/C(1000,500) = 1 - (1000-500)/1000 = 0.5
    assertThat(UnbiasedPassAtK.probability(1000, 1, 500)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void matchesEnumerationOfAllSubsets() {
    var random = new java.util.SplittableRandom(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(10);
      boolean[] correct = new boolean[n];
      int c = 0;
      for (int i = 0; i < n; i++) {
        correct[i] = random.nextInt(3) == 0;
        c += correct[i] ? 1 : 0;
      }
      int k = 1 + random.nextInt(n);
      assertThat(UnbiasedPassAtK.probability(n, c, k))
          .as("n=%d c=%d k=%d", n, c, k)
          .isCloseTo(bySubsets(correct, k), within(1e-12));
    }
  }

  /** Fraction of the k-subsets (enumerated as bit masks) that hold a correct sample. */
  private static double bySubsets(boolean[] correct, int k) {
    int n = correct.length;
    long subsets = 0;
    long withCorrect = 0;
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) != k) {
        continue;
      }
      subsets++;
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0 && correct[i]) {
          withCorrect++;
          break;
        }
      }
    }
    return (double) withCorrect / subsets;
  }

  @Test
  void kAboveNIsAnErrorNamingBoth() {
    assertThatThrownBy(() -> UnbiasedPassAtK.probability(4, 1, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k=5")
        .hasMessageContaining("n=4");
    assertThatThrownBy(() -> UnbiasedPassAtK.probability(4, 5, 1)).hasMessageContaining("c=5");
  }
}
