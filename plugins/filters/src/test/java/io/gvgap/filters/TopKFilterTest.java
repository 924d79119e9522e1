package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopKFilterTest {

  private static final double NAN = Double.NaN;

  @Test
  void keepsTheKBestAndTiesAtTheCut() {
    double[] scores = {0.2, 0.9, 0.9, 0.5, 0.1};
    // descending 0.9, 0.9, 0.5, 0.2, 0.1: k = 1 and k = 2 both cut at 0.9 (the tie is kept whole).
    assertThat(TopKFilter.weights(scores, 1)).containsExactly(0, 1, 1, 0, 0);
    assertThat(TopKFilter.weights(scores, 2)).containsExactly(0, 1, 1, 0, 0);
    // k = 3 cuts at 0.5.
    assertThat(TopKFilter.weights(scores, 3)).containsExactly(0, 1, 1, 1, 0);
  }

  @Test
  void kBeyondTheScoredCountKeepsAllScored() {
    assertThat(TopKFilter.weights(new double[] {0.3, NAN, 0.1}, 10)).containsExactly(1, 0, 1);
  }

  @Test
  void allEqualAllNanAndEmpty() {
    assertThat(TopKFilter.weights(new double[] {0.4, 0.4, 0.4}, 1)).containsExactly(1, 1, 1);
    assertThat(TopKFilter.weights(new double[] {NAN, NAN}, 1)).containsExactly(0, 0);
    assertThat(TopKFilter.weights(new double[0], 4)).isEmpty();
  }

  @Test
  void rejectsKBelowOne() {
    assertThatThrownBy(() -> new TopKFilter.Options(0, Ties.BREAK))
        .hasMessageContaining("k must be at least 1, was 0");
  }
}
