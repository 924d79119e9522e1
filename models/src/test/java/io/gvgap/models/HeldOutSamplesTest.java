package io.gvgap.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.task.Example;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeldOutSamplesTest {

  private static HeldOutSamples.Scored scored(
      String id, double greedy, double sampledSum, int distinct) {
    return new HeldOutSamples.Scored(
        new Example(id, "q", "r", Map.of()), greedy, sampledSum, distinct);
  }

  @Test
  void figuresAreMeansOverExamplesAndSamples() {
    // three examples, 4 samples each: greedy 1, 0, 1; sampled utilities summing to 3, 1, 0;
    // distinct 4, 2, 1
    HeldOutSamples.Figures figures = new HeldOutSamples.Figures(
        List.of(scored("a", 1, 3, 4), scored("b", 0, 1, 2), scored("c", 1, 0, 1)), 4);
    // by hand: greedy (1 + 0 + 1) / 3; sampled (3 + 1 + 0) / 12; distinct (4/4 + 2/4 + 1/4) / 3 =
    // 7/12
    assertThat(figures.greedyAccuracy()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(figures.sampledAccuracy()).isCloseTo(4.0 / 12, within(1e-12));
    assertThat(figures.distinctSampleFraction()).isCloseTo(7.0 / 12, within(1e-12));
  }
}
