package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxFilterTest {

  private static final double NAN = Double.NaN;

  @Test
  void twoScoresAtBetaOneAreTwiceTheLogisticOfTheirDifference() {
    // w = 2 * e^s / (e^0 + e^1): 2 * sigmoid(-1) = 0.5378828427399902, 2 * sigmoid(1) =
    // 1.4621171572600098.
    double[] weights = SoftmaxFilter.weights(new double[] {0.0, 1.0}, 1.0);
    assertThat(weights[0]).isCloseTo(0.5378828427399902, within(1e-15));
    assertThat(weights[1]).isCloseTo(1.4621171572600098, within(1e-15));
  }

  @Test
  void threeScoresAtDefaultBeta() {
    // beta 0.1: exp(s / 0.1) for s = 0.2, 0.4, 0.4 is proportional to 1, e^2, e^2; normalised to
    // sum 3:
    // e^2 = 7.3890561, 1 + 2e^2 = 15.7781122: 3 / 15.7781122 = 0.1901368, 22.1671683 / 15.7781122 =
    // 1.4049316.
    double e2 = Math.exp(2);
    double[] weights = SoftmaxFilter.weights(new double[] {0.2, 0.4, 0.4}, 0.1);
    assertThat(weights[0])
        .isCloseTo(3 / (1 + 2 * e2), within(1e-12))
        .isCloseTo(0.1901368, within(1e-7));
    assertThat(weights[1]).isCloseTo(1.4049316, within(1e-7));
    assertThat(weights[2]).isEqualTo(weights[1]);
  }

  @Test
  void allEqualScoresGiveWeightOneEach() {
    assertThat(SoftmaxFilter.weights(new double[] {0.3, 0.3, 0.3}, 0.1)).containsExactly(1, 1, 1);
  }

  @Test
  void nanGetsZeroAndDoesNotCount() {
    assertThat(SoftmaxFilter.weights(new double[] {NAN, 0.5, 0.5}, 0.1)).containsExactly(0, 1, 1);
    assertThat(SoftmaxFilter.weights(new double[] {NAN, NAN}, 0.1)).containsExactly(0, 0);
    assertThat(SoftmaxFilter.weights(new double[0], 0.1)).isEmpty();
  }

  @Test
  void tinyBetaDoesNotOverflow() {
    // exp(1 / 1e-4) overflows; after subtracting the max the terms are 1, 0 and exp(-10).
    double[] weights = SoftmaxFilter.weights(new double[] {1.0, 0.0, 0.999}, 1e-4);
    double tail = Math.exp((0.999 - 1.0) / 1e-4);
    assertThat(weights[0]).isCloseTo(3 / (1 + tail), within(1e-12));
    assertThat(weights[1]).isZero();
    assertThat(weights[2]).isCloseTo(3 * tail / (1 + tail), within(1e-12));
  }

  @Test
  void weightsSumToTheScoredCount() {
    Random random = new Random(3);
    for (int trial = 0; trial < 500; trial++) {
      double[] scores =
          random.doubles(1 + random.nextInt(10)).map(s -> s < 0.1 ? NAN : s).toArray();
      long scored = Arrays.stream(scores).filter(s -> !Double.isNaN(s)).count();
      double sum = Arrays.stream(SoftmaxFilter.weights(scores, 0.05 + random.nextDouble()))
          .sum();
      assertThat(sum).isCloseTo(scored, within(1e-9));
    }
  }

  @Test
  void rejectsNonPositiveOrInfiniteBeta() {
    assertThatThrownBy(() -> new SoftmaxFilter.Options(0))
        .hasMessageContaining("beta must be a finite number > 0");
    assertThatThrownBy(() -> new SoftmaxFilter.Options(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SoftmaxFilter.Options(NAN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SoftmaxFilter.Options(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
