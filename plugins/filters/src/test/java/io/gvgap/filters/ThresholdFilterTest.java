package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdFilterTest {

  private static final double NAN = Double.NaN;

  @Test
  void keepsScoresAtOrAboveTau() {
    double[] scores = {0.5, 0.49, 1.0, NAN, 0.0};
    assertThat(ThresholdFilter.weights(scores, 0.5)).containsExactly(1, 0, 1, 0, 0);
    assertThat(ThresholdFilter.weights(scores, 0.0)).containsExactly(1, 1, 1, 0, 1);
    assertThat(ThresholdFilter.weights(scores, 1.0)).containsExactly(0, 0, 1, 0, 0);
  }

  @Test
  void allEqualAllNanAndEmpty() {
    assertThat(ThresholdFilter.weights(new double[] {0.7, 0.7}, 0.7)).containsExactly(1, 1);
    assertThat(ThresholdFilter.weights(new double[] {0.7, 0.7}, 0.8)).containsExactly(0, 0);
    assertThat(ThresholdFilter.weights(new double[] {NAN, NAN}, 0.0)).containsExactly(0, 0);
    assertThat(ThresholdFilter.weights(new double[0], 0.5)).isEmpty();
  }

  @Test
  void rejectsTauOutsideUnitInterval() {
    assertThatThrownBy(() -> new ThresholdFilter.Options(-0.1))
        .hasMessageContaining("tau must be in [0, 1]");
    assertThatThrownBy(() -> new ThresholdFilter.Options(NAN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
