package io.gvgap.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankMatchesHandComputedRanks() {
    // the textbook example {15, 20, 35, 40, 50}, given unsorted:
    // p30 -> rank ceil(1.5) = 2 -> 20; p40 -> ceil(2.0) = 2 -> 20; p50 -> ceil(2.5) = 3 -> 35; p100
    // -> 5 -> 50
    double[] v = {50, 15, 40, 20, 35};
    assertThat(Percentiles.nearestRank(v, 30)).isEqualTo(20);
    assertThat(Percentiles.nearestRank(v, 40)).isEqualTo(20);
    assertThat(Percentiles.nearestRank(v, 50)).isEqualTo(35);
    assertThat(Percentiles.nearestRank(v, 100)).isEqualTo(50);
    assertThat(Percentiles.nearestRank(v, 0)).isEqualTo(15);
    assertThat(v[0]).as("the input is not reordered").isEqualTo(50);
  }

  @Test
  void p99OfOneToHundredIs99AndOfTenValuesIsTheMaximum() {
    double[] hundred = new double[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = i + 1;
    }
    assertThat(Percentiles.nearestRank(hundred, 99)).isEqualTo(99); // rank ceil(99) = 99
    assertThat(Percentiles.nearestRank(hundred, 50)).isEqualTo(50);
    // ten values: p99 -> rank ceil(9.9) = 10 -> the largest
    assertThat(Percentiles.nearestRank(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 99))
        .isEqualTo(10);
    assertThat(Percentiles.nearestRank(new double[] {7}, 50)).isEqualTo(7);
  }

  @Test
  void emptyInputAndOutOfRangePercentilesAreRejected() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[0], 50))
        .hasMessageContaining("no values");
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 101))
        .hasMessageContaining("[0, 100]");
  }

  @Test
  void tableRatesAreCountsOverSeconds() {
    // 8 requests and 200 tokens in 2 s: 4 requests/s and 100 tokens/s
    LoadResult r = new LoadResult(4, 8, 2.0, 200, 12.34, 56.78);
    assertThat(r.requestsPerSecond()).isEqualTo(4.0);
    assertThat(r.tokensPerSecond()).isEqualTo(100.0);
    assertThat(LoadBenchmark.table(List.of(r)))
        .contains("          4        8       4.00         100.0      12.3      56.8");
  }
}
