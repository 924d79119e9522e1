package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.NoOptions;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What each count-keeping filter says it was asked to keep, recorded beside its weights. */
class AskedCountTest {
  private static final double NAN = Double.NaN;
  // 8 samples, 2 unscored: n = 6 scored
  private static final double[] SCORES = {0.9, NAN, 0.1, 0.5, 0.5, NAN, 0.7, 0.2};

  @Test
  void quantileTopKAndBestOfNAreAskedForACountOfTheScoredSamples() {
    // ceil(0.25 x 6) = 2, ceil(0.5 x 6) = 3; top-k 4 of 6, top-k 9 of 6 -> 6; best-of-n 1
    assertThat(new QuantileFilter()
            .create(new QuantileFilter.Options(0.25, Ties.BREAK))
            .askedCount(SCORES))
        .isEqualTo(OptionalInt.of(2));
    assertThat(new QuantileFilter()
            .create(new QuantileFilter.Options(0.5, Ties.KEEP))
            .askedCount(SCORES))
        .isEqualTo(OptionalInt.of(3));
    assertThat(new TopKFilter().create(new TopKFilter.Options(4, Ties.BREAK)).askedCount(SCORES))
        .isEqualTo(OptionalInt.of(4));
    assertThat(new TopKFilter().create(new TopKFilter.Options(9, Ties.BREAK)).askedCount(SCORES))
        .isEqualTo(OptionalInt.of(6));
    assertThat(new BestOfNFilter().create(new NoOptions()).askedCount(SCORES))
        .isEqualTo(OptionalInt.of(1));
  }

  @Test
  void nothingScoredAsksForNothingAndScoreFiltersDeclareNoCount() {
    double[] none = {NAN, NAN};
    assertThat(new QuantileFilter()
            .create(new QuantileFilter.Options(0.25, Ties.BREAK))
            .askedCount(none))
        .isEqualTo(OptionalInt.of(0));
    assertThat(new BestOfNFilter().create(new NoOptions()).askedCount(none))
        .isEqualTo(OptionalInt.of(0));
    assertThat(new ThresholdFilter().create(new ThresholdFilter.Options(0.5)).askedCount(SCORES))
        .isEmpty();
  }
}
