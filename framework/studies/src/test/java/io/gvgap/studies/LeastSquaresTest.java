package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.core.results.LineFit;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {

  @Test
  void fitsFourPointsAsComputedByHand() {
    // x = 1,2,3,4; y = 1,3,2,5. Means 2.5 and 2.75. Sxx = 2.25+0.25+0.25+2.25 = 5.
    // Sxy = (-1.5)(-1.75) + (-0.5)(0.25) + (0.5)(-0.75) + (1.5)(2.25) = 2.625 - 0.125 - 0.375 +
    // 3.375 = 5.5.
    // slope = 5.5/5 = 1.1, intercept = 2.75 - 1.1*2.5 = 0.
    // Fitted 1.1, 2.2, 3.3, 4.4; residuals -0.1, 0.8, -1.3, 0.6; SSE = 0.01+0.64+1.69+0.36 = 2.7.
    // SST = 3.0625+0.0625+0.5625+5.0625 = 8.75; R² = 1 - 2.7/8.75 = 0.691428571...
    // SE(slope) = sqrt(SSE/(n-2)/Sxx) = sqrt(1.35/5) = sqrt(0.27) = 0.519615242;
    // t_{0.975, 2} = 4.302652730; half-width = 2.235711...; interval [-1.135711, 3.335711].
    LineFit fit = LeastSquares.fit(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 5}, 0.95);
    assertThat(fit.points()).isEqualTo(4);
    assertThat(fit.slope()).isCloseTo(1.1, within(1e-12));
    assertThat(fit.intercept()).isCloseTo(0.0, within(1e-12));
    assertThat(fit.rSquared()).isCloseTo(1 - 2.7 / 8.75, within(1e-12));
    double halfWidth = 4.302652729696 * Math.sqrt(0.27);
    assertThat(fit.slopeLower()).isCloseTo(1.1 - halfWidth, within(1e-8));
    assertThat(fit.slopeUpper()).isCloseTo(1.1 + halfWidth, within(1e-8));
  }

  @Test
  void leavesOutUndefinedPointsAndNeedsThreeForAnInterval() {
    // Two defined points (0,1) and (2,5): slope 2, intercept 1, a perfect fit; no interval with 0
    // degrees of freedom.
    LineFit fit = LeastSquares.fit(new double[] {0, 1, 2}, new double[] {1, Double.NaN, 5}, 0.9);
    assertThat(fit.points()).isEqualTo(2);
    assertThat(fit.slope()).isCloseTo(2.0, within(1e-12));
    assertThat(fit.intercept()).isCloseTo(1.0, within(1e-12));
    assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-12));
    assertThat(fit.slopeLower()).isNaN();
    assertThat(fit.slopeUpper()).isNaN();
  }

  @Test
  void constantYHasZeroSlopeAndNoRSquared() {
    LineFit fit = LeastSquares.fit(new double[] {1, 2, 3}, new double[] {0.2, 0.2, 0.2}, 0.95);
    assertThat(fit.slope()).isCloseTo(0.0, within(1e-15));
    assertThat(fit.rSquared()).isNaN();
    assertThat(fit.slopeLower()).isCloseTo(0.0, within(1e-15));
  }

  @Test
  void rejectsMismatchedArrays() {
    assertThatThrownBy(() -> LeastSquares.fit(new double[] {1}, new double[] {1, 2}, 0.95))
        .hasMessageContaining("one y per x");
  }
}
