package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaccardTest {

  @Test
  void handComputedSimilarities() {
    // {1,2,3,4} ∩ {3,4,5} = {3,4}; union has 5 elements → 2/5
    assertThat(Jaccard.similarity(new long[] {1, 2, 3, 4}, new long[] {3, 4, 5}))
        .isCloseTo(0.4, within(1e-15));
    assertThat(Jaccard.similarity(new long[] {-5, 7}, new long[] {-5, 7})).isEqualTo(1.0);
    assertThat(Jaccard.similarity(new long[] {1}, new long[] {2})).isEqualTo(0.0);
    assertThat(Jaccard.similarity(new long[0], new long[0])).isEqualTo(1.0);
    assertThat(Jaccard.similarity(new long[0], new long[] {1})).isEqualTo(0.0);
  }

  @Test
  void atLeastAgreesWithSimilarityIncludingTheSizeShortcut() {
    long[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    long[] b = {1, 2, 3, 4, 5, 6, 7, 8};
    // J = 8/10 exactly: at the threshold counts as a duplicate
    assertThat(Jaccard.atLeast(a, b, 0.8)).isTrue();
    assertThat(Jaccard.atLeast(a, b, 0.81)).isFalse();
    // sizes 2 and 10: J ≤ 0.2 whatever they share
    assertThat(Jaccard.atLeast(new long[] {1, 2}, a, 0.3)).isFalse();
  }
}
