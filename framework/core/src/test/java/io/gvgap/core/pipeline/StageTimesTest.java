package io.gvgap.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StageTimesTest {

  @Test
  void sumsEachStageInFirstRunOrderAndDescribesShares() {
    StageTimes times = new StageTimes();
    times.add("generation", 3_000_000_000L);
    times.add("verify logprob", 500_000_000L);
    times.add("generation", 3_000_000_000L);
    times.add("metrics", 1_500_000_000L);

    assertThat(times.seconds())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("generation", 6.0),
            org.assertj.core.api.Assertions.entry("verify logprob", 0.5),
            org.assertj.core.api.Assertions.entry("metrics", 1.5));
    assertThat(times.totalSeconds()).isEqualTo(8.0);
    // 6 / 8 = 75 %, 0.5 / 8 = 6.25 % -> 6 %, 1.5 / 8 = 18.75 % -> 19 %
    assertThat(times.describe())
        .isEqualTo("generation 6.0 s (75 %), verify logprob 0.5 s (6 %), metrics 1.5 s (19 %)");
  }

  @Test
  void saysSoWhenNothingRanAndRefusesNegativeTimes() {
    StageTimes times = new StageTimes();
    assertThat(times.describe()).isEqualTo("no stage ran");
    assertThatThrownBy(() -> times.add("generation", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("generation");
  }
}
