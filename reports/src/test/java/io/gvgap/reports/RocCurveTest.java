package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.core.metrics.Auroc;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {

  @Test
  void pointsAndAreaOfAHandExample() {
    // by hand: thresholds 0.9 (1 of 2 correct kept), 0.8 (+1 wrong), 0.7 (+1 correct), 0.6 (+1
    // wrong)
    RocCurve curve =
        RocCurve.of(new double[] {0.7, 0.9, 0.6, 0.8}, new boolean[] {true, true, false, false});
    assertThat(curve.falsePositiveRate()).containsExactly(0, 0, 0.5, 0.5, 1);
    assertThat(curve.truePositiveRate()).containsExactly(0, 0.5, 0.5, 1, 1);
    // pairs (correct, wrong): 0.9>0.8, 0.9>0.6, 0.7<0.8, 0.7>0.6 -> 3 of 4
    assertThat(curve.area()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void tiedScoresMoveTogetherAndCountHalf() {
    RocCurve curve = RocCurve.of(new double[] {0.5, 0.5, 0.2}, new boolean[] {true, false, false});
    assertThat(curve.falsePositiveRate()).containsExactly(0, 0.5, 1);
    assertThat(curve.truePositiveRate()).containsExactly(0, 1, 1);
    // pairs: (0.5 vs 0.5) = 1/2, (0.5 vs 0.2) = 1 -> 1.5 / 2
    assertThat(curve.area()).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void noCurveWithoutBothClasses() {
    assertThat(RocCurve.of(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNull();
    assertThat(RocCurve.of(new double[] {0.1, 0.2}, new boolean[] {false, false}))
        .isNull();
  }

  @Test
  void areaEqualsTheRankBasedAurocOfCore() {
    Random random = new Random(3);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + random.nextInt(300);
      double[] scores = new double[n];
      boolean[] correct = new boolean[n];
      for (int i = 0; i < n; i++) {
        correct[i] = random.nextBoolean();
        // coarse scores make many ties, as CoT-Score's ten levels do
        scores[i] = trial % 2 == 0
            ? random.nextInt(10) / 10.0
            : random.nextDouble() + (correct[i] ? 0.3 : 0);
      }
      RocCurve curve = RocCurve.of(scores, correct);
      double expected = Auroc.of(scores, correct);
      if (curve == null) {
        assertThat(expected).isNaN();
      } else {
        assertThat(curve.area()).isCloseTo(expected, within(1e-9));
      }
    }
  }

  @Test
  void thinningKeepsEndsAndCount() {
    double[] scores = new double[1000];
    boolean[] correct = new boolean[1000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i;
      correct[i] = i % 3 == 0;
    }
    RocCurve full = RocCurve.of(scores, correct);
    assertThat(full.falsePositiveRate()).hasSize(1001);
    RocCurve thin = full.thinned(101);
    assertThat(thin.falsePositiveRate()).hasSize(101);
    assertThat(thin.falsePositiveRate()[0]).isZero();
    assertThat(thin.truePositiveRate()[100]).isEqualTo(1.0);
    // every 10th point of the full curve
    assertThat(thin.truePositiveRate()[50]).isEqualTo(full.truePositiveRate()[500]);
    assertThat(full.thinned(2000)).isSameAs(full);
  }
}
