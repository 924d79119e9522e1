package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecodeLanesTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(DecodeLanes.PROPERTY);
  }

  @Test
  void smallModelsOnTheCpuDecodeOnOneLanePerThread() {
    assertThat(DecodeLanes.count(2, "cpu", 1_164_672)).isEqualTo(2);
    assertThat(DecodeLanes.count(4, "CPU", 124_439_808)).isEqualTo(4);
    assertThat(DecodeLanes.count(1, "cpu", 1_000)).isEqualTo(1);
    assertThat(DecodeLanes.count(0, "cpu", 1_000))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(DecodeLanes.threadsPerLane(2, 2)).isEqualTo(1);
    assertThat(DecodeLanes.threadsPerLane(8, 2)).isEqualTo(4);
    assertThat(DecodeLanes.threadsPerLane(2, 3)).isEqualTo(1);
  }

  @Test
  void largeModelsAndCudaKeepOneLaneWithAllTheThreads() {
    assertThat(DecodeLanes.count(2, "cpu", DecodeLanes.MAX_LANE_PARAMETERS)).isEqualTo(1);
    assertThat(DecodeLanes.count(2, "cuda", 1_000)).isEqualTo(1);
    assertThat(DecodeLanes.threadsPerLane(2, 1)).isEqualTo(2);
    assertThat(DecodeLanes.threadsPerLane(0, 1)).isZero();
  }

  @Test
  void thePropertySetsTheLanesAndABadValueIsNamed() {
    System.setProperty(DecodeLanes.PROPERTY, "3");
    assertThat(DecodeLanes.count(2, "cuda", DecodeLanes.MAX_LANE_PARAMETERS)).isEqualTo(3);
    System.setProperty(DecodeLanes.PROPERTY, "0");
    assertThatThrownBy(() -> DecodeLanes.count(2, "cpu", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gvgap.onnx.decode-lanes must be a positive integer, was '0'");
    System.setProperty(DecodeLanes.PROPERTY, "two");
    assertThatThrownBy(() -> DecodeLanes.count(2, "cpu", 1)).hasMessageContaining("'two'");
  }
}
