package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PassAtKCurveTest {

  @Test
  void kValuesArePowersOfTwoThenTheSampleCount() {
    assertThat(PassAtKCurve.ks(1)).containsExactly(1);
    assertThat(PassAtKCurve.ks(5)).containsExactly(1, 2, 4, 5);
    assertThat(PassAtKCurve.ks(8)).containsExactly(1, 2, 4, 8);
  }

  @Test
  void valuesOfAHandExample() {
    // prompt A: n=4, c=2; prompt B: n=4, c=0
    // pass@1: A 2/4, B 0 -> 0.25
    // pass@2: A 1 - C(2,2)/C(4,2) = 1 - 1/6 = 5/6, B 0 -> 5/12
    // pass@4: A 1, B 0 -> 0.5
    PassAtKCurve curve = PassAtKCurve.of(new int[] {4, 4}, new int[] {2, 0});
    assertThat(curve.k()).containsExactly(1, 2, 4);
    assertThat(curve.passAtK()[0]).isCloseTo(0.25, within(1e-12));
    assertThat(curve.passAtK()[1]).isCloseTo(5.0 / 12, within(1e-12));
    assertThat(curve.passAtK()[2]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void stopsAtTheSmallestSampleCount() {
    // n = 3 and 5: k runs to 3; pass@3 of (n=5, c=1) = 1 - C(4,3)/C(5,3) = 1 - 4/10 = 0.6, of (n=3,
    // c=3) = 1
    PassAtKCurve curve = PassAtKCurve.of(new int[] {3, 5}, new int[] {3, 1});
    assertThat(curve.k()).containsExactly(1, 2, 3);
    assertThat(curve.passAtK()[2]).isCloseTo((1 + 0.6) / 2, within(1e-12));
    assertThat(PassAtKCurve.of(new int[0], new int[0])).isNull();
  }
}
