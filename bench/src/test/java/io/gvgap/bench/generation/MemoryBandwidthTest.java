package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryBandwidthTest {
  @Test
  void eachRunWritesXPlusOneAndMovesEightBytesPerFloat() throws Exception {
    try (MemoryBandwidth bandwidth = new MemoryBandwidth(5000, 1)) {
      // X[i] = i mod 1024
      assertThat(bandwidth.run(0)).isEqualTo(1f);
      assertThat(bandwidth.run(1500)).isEqualTo(1500 % 1024 + 1f);
      assertThat(bandwidth.bytesPerRun()).isEqualTo(40_000.0);
      assertThat(bandwidth.measure(0, 0.01)).isPositive();
    }
  }
}
