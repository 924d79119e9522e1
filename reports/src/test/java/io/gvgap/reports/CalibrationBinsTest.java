package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationBinsTest {

  @Test
  void binsOfAHandExample() {
    // bins of width 0.1: 0.05 -> bin 0; 0.15 and 0.12 -> bin 1; 0.95 and 1.0 (last bin includes 1)
    // -> bin 9
    List<CalibrationBins.Bin> bins = CalibrationBins.of(
        new double[] {0.05, 0.15, 0.12, 0.95, 1.0},
        new boolean[] {false, true, false, true, true},
        10);
    assertThat(bins).hasSize(3);
    assertThat(bins.get(0).count()).isEqualTo(1);
    assertThat(bins.get(0).meanScore()).isCloseTo(0.05, within(1e-12));
    assertThat(bins.get(0).fractionCorrect()).isZero();
    assertThat(bins.get(1).count()).isEqualTo(2);
    assertThat(bins.get(1).meanScore()).isCloseTo(0.135, within(1e-12));
    assertThat(bins.get(1).fractionCorrect()).isEqualTo(0.5);
    assertThat(bins.get(1).lower()).isCloseTo(0.1, within(1e-12));
    assertThat(bins.get(2).count()).isEqualTo(2);
    assertThat(bins.get(2).meanScore()).isCloseTo(0.975, within(1e-12));
    assertThat(bins.get(2).fractionCorrect()).isEqualTo(1.0);
  }

  @Test
  void rejectsMismatchedInput() {
    assertThatThrownBy(() -> CalibrationBins.of(new double[1], new boolean[2], 10))
        .hasMessageContaining("1 scores but 2");
    assertThatThrownBy(() -> CalibrationBins.of(new double[1], new boolean[1], 0))
        .hasMessageContaining("at least 1 bin");
  }
}
