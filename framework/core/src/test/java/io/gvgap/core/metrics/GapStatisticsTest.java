package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GapStatisticsTest {

  private static final double[] A = {0.5, 0.0, 1.0, 0.75};
  private static final double[] B = {1.0, 0.5, 1.0, 0.5};
  private static final int[] ONES = {1, 1, 1, 1};

  @Test
  void handComputedOnObservedPrompts() {
    // J(f) = (0.5 + 0 + 1 + 0.75) / 4 = 0.5625; J(f[w]) = (1 + 0.5 + 1 + 0.5) / 4 = 0.75
    assertThat(GapStatistics.jf(A, ONES)).isEqualTo(0.5625);
    assertThat(GapStatistics.jfw(B, ONES)).isEqualTo(0.75);
    assertThat(GapStatistics.gap(A, B, ONES)).isEqualTo(0.1875);
    // per prompt, prompt 2 saturated: (0.5/0.5 + 0.5/1 + (-0.25)/0.25) / 3 = (1 + 0.5 - 1) / 3 =
    // 1/6
    assertThat(GapStatistics.relativeGapPerPrompt(A, B, ONES)).isCloseTo(1.0 / 6, within(1e-15));
    // pooled: 0.1875 / (1 - 0.5625) = 0.1875 / 0.4375 = 3/7
    assertThat(GapStatistics.relativeGapPooled(A, B, ONES)).isCloseTo(3.0 / 7, within(1e-15));
  }

  @Test
  void multiplicitiesWeightPrompts() {
    int[] m = {2, 0, 0, 1}; // prompt 0 twice, prompt 3 once
    // J(f) = (2*0.5 + 0.75) / 3 = 1.75/3; J(f[w]) = (2*1 + 0.5) / 3 = 2.5/3; gap = 0.75/3 = 0.25
    assertThat(GapStatistics.gap(A, B, m)).isCloseTo(0.25, within(1e-15));
    // per prompt: (2*1 + (-1)) / 3 = 1/3
    assertThat(GapStatistics.relativeGapPerPrompt(A, B, m)).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void undefinedWithoutHeadroom() {
    double[] saturated = {1.0, 1.0};
    assertThat(GapStatistics.relativeGapPerPrompt(saturated, saturated, new int[] {1, 1}))
        .isNaN();
    assertThat(GapStatistics.relativeGapPooled(saturated, saturated, new int[] {1, 1}))
        .isNaN();
  }
}
