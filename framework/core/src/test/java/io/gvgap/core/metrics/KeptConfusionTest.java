package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeptConfusionTest {

  @Test
  void countsAndRatiosByHand() {
    // u:       1    0    1    0    0.5
    // w:       1    2    0    0    0.3
    //          TP   FP   FN   TN   TP     -> TP=2 FP=1 FN=1 TN=1
    KeptConfusion c =
        KeptConfusion.of(new double[] {1, 0, 1, 0, 0.5}, new double[] {1, 2, 0, 0, 0.3});
    assertThat(c).isEqualTo(new KeptConfusion(2, 1, 1, 1));
    assertThat(c.keptFraction()).isEqualTo(3.0 / 5); // kept = TP + FP = 3 of 5
    assertThat(c.precision()).isEqualTo(2.0 / 3);
    assertThat(c.recall()).isEqualTo(2.0 / 3);
    assertThat(c.f1()).isEqualTo(4.0 / 6); // 2TP / (2TP + FP + FN) = 4 / 6
  }

  @Test
  void poolsAcrossPrompts() {
    KeptConfusion a = KeptConfusion.of(new double[] {1}, new double[] {1});
    KeptConfusion b = KeptConfusion.of(new double[] {0, 1}, new double[] {1, 0});
    assertThat(a.plus(b)).isEqualTo(new KeptConfusion(1, 1, 1, 0));
  }

  @Test
  void undefinedRatios() {
    // nothing kept, one correct: precision undefined, recall 0, F1 = 0 / (0 + 0 + 1) = 0
    KeptConfusion noneKept = KeptConfusion.of(new double[] {1, 0}, new double[] {0, 0});
    assertThat(noneKept.precision()).isNaN();
    assertThat(noneKept.recall()).isEqualTo(0.0);
    assertThat(noneKept.f1()).isEqualTo(0.0);
    // nothing kept, nothing correct: F1 undefined
    KeptConfusion nothing = KeptConfusion.of(new double[] {0}, new double[] {0});
    assertThat(nothing.recall()).isNaN();
    assertThat(nothing.f1()).isNaN();
    assertThat(KeptConfusion.empty().keptFraction()).isNaN();
  }
}
