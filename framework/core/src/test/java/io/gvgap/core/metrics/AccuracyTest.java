package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyTest {

  @Test
  void promptAccuracyIsMeanUtility() {
    // (1 + 0 + 0.5 + 1) / 4 = 0.625
    assertThat(Accuracy.ofPrompt(new double[] {1, 0, 0.5, 1})).isEqualTo(0.625);
  }

  @Test
  void keptAccuracyIsWeightedMean() {
    // (2*1 + 0*0 + 1*0.5 + 1*0) / (2 + 0 + 1 + 1) = 2.5 / 4 = 0.625
    assertThat(Accuracy.ofKept(new double[] {1, 0, 0.5, 0}, new double[] {2, 0, 1, 1}))
        .isCloseTo(0.625, within(1e-15));
    // rejection sampling keeping samples 0 and 2: (1 + 0.5) / 2 = 0.75
    assertThat(Accuracy.ofKept(new double[] {1, 0, 0.5, 0}, new double[] {1, 0, 1, 0}))
        .isEqualTo(0.75);
  }

  @Test
  void keptNothingHasNoAccuracy() {
    assertThat(Accuracy.ofKept(new double[] {1, 0}, new double[] {0, 0})).isNaN();
    assertThat(Accuracy.keptNothing(new double[] {0, 0})).isTrue();
    assertThat(Accuracy.keptNothing(new double[] {0, 1e-9})).isFalse();
  }
}
