package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.metrics.Estimate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void formats() {
    assertThat(Numbers.decimal(0.12345)).isEqualTo("0.123");
    assertThat(Numbers.decimal(Double.NaN)).isEqualTo("—");
    assertThat(Numbers.signed(0.042)).isEqualTo("+0.042");
    assertThat(Numbers.signed(-0.5)).isEqualTo("-0.500");
    assertThat(Numbers.interval(new Estimate(0.2, 0.1, 0.3))).isEqualTo("[0.100, 0.300]");
    assertThat(Numbers.interval(new Estimate(0.2, Double.NaN, Double.NaN))).isEmpty();
    assertThat(Numbers.sortKey(Double.NaN)).isEmpty();
    assertThat(Numbers.count(12345)).isEqualTo("12,345");
  }

  @Test
  void durations() {
    assertThat(Numbers.duration(Duration.ofMillis(4200))).isEqualTo("4.2 s");
    assertThat(Numbers.duration(Duration.ofSeconds(125))).isEqualTo("2 min 05 s");
    // 3723 s = 1 h, 2 min, 3 s
    assertThat(Numbers.duration(Duration.ofSeconds(3723))).isEqualTo("1 h 02 min 03 s");
  }
}
