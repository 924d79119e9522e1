package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrectnessTest {

  @Test
  void correctMeansUtilityAtLeastOneHalf() {
    assertThat(Correctness.isCorrect(0.5)).isTrue();
    assertThat(Correctness.isCorrect(1.0)).isTrue();
    assertThat(Correctness.isCorrect(Math.nextDown(0.5))).isFalse();
    assertThat(Correctness.isCorrect(0.0)).isFalse();
  }

  @Test
  void countsCorrectSamples() {
    // 1, 0.5 and 0.75 are >= 0.5; 0 and 0.49 are not: 3 correct.
    assertThat(Correctness.countCorrect(new double[] {1, 0, 0.5, 0.49, 0.75})).isEqualTo(3);
  }
}
