package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MatmulCeilingTest {
  @Test
  void theProductEqualsATripleLoopAndItsFlopsAreTwoMkn() throws Exception {
    try (MatmulCeiling ceiling = new MatmulCeiling(3, 4, 5, 1)) {
      float[] x = ceiling.x();
      float[] w = ceiling.weights();
      float[] y = ceiling.multiply();
      assertThat(y).hasSize(15);
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 5; j++) {
          double sum = 0;
          for (int k = 0; k < 4; k++) {
            sum += x[i * 4 + k] * w[k * 5 + j];
          }
          // 4 products of unit-normal values: float rounding far below 1e-4
          assertThat((double) y[i * 5 + j]).isCloseTo(sum, within(1e-4));
        }
      }
      assertThat(ceiling.flopsPerProduct()).isEqualTo(120.0);
      assertThat(ceiling.measure(0, 0.01)).isPositive();
    }
  }
}
