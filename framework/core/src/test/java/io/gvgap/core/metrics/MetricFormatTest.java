package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricFormatTest {

  @Test
  void formatsDefinedAndUndefinedValues() {
    assertThat(MetricFormat.fixed(0.4375)).isEqualTo("0.4375");
    assertThat(MetricFormat.signed(0.0625)).isEqualTo("+0.0625");
    assertThat(MetricFormat.signed(-0.5)).isEqualTo("-0.5000");
    assertThat(MetricFormat.percent(0.125)).isEqualTo("12.5%");
    assertThat(MetricFormat.fixed(Double.NaN)).isEqualTo("n/a");
    assertThat(MetricFormat.interval(new Estimate(0.1, -0.01, 0.12)))
        .isEqualTo("[-0.0100, +0.1200]");
    assertThat(MetricFormat.interval(Estimate.undefined())).isEqualTo("n/a");
    assertThat(MetricFormat.estimate(new Estimate(0.4375, 0.4, 0.47)))
        .isEqualTo("0.4375 [0.4000, 0.4700]");
  }
}
