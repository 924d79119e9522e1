package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.task.Answer;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class BestOfNFilterTest {

  private static final double NAN = Double.NaN;

  private static FilterContext context(String exampleId, int n, long seed) {
    return new FilterContext(exampleId, Collections.nCopies(n, Answer.none()), seed);
  }

  @Test
  void keepsTheSingleTopScore() {
    assertThat(BestOfNFilter.weights(new double[] {0.2, 0.9, 0.4}, context("e", 3, 1)))
        .containsExactly(0, 1, 0);
    assertThat(BestOfNFilter.weights(new double[] {NAN, 0.1}, context("e", 2, 1)))
        .containsExactly(0, 1);
  }

  @Test
  void allNanAndEmptyKeepNothing() {
    assertThat(BestOfNFilter.weights(new double[] {NAN, NAN}, context("e", 2, 1)))
        .containsExactly(0, 0);
    assertThat(BestOfNFilter.weights(new double[0], context("e", 0, 1))).isEmpty();
  }

  @Test
  void tiesKeepExactlyOneOfTheTiedSamplesAndTheSameOneEveryTime() {
    double[] scores = {0.9, 0.3, 0.9, 0.9};
    double[] first = BestOfNFilter.weights(scores, context("e", 4, 5));
    assertThat(Arrays.stream(first).sum()).isEqualTo(1);
    assertThat(first[1]).isZero();
    assertThat(BestOfNFilter.weights(scores, context("e", 4, 5))).containsExactly(first);
  }

  @Test
  void allEqualScoresKeepExactlyOne() {
    double[] weights =
        BestOfNFilter.weights(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}, context("e", 5, 3));
    assertThat(Arrays.stream(weights).sum()).isEqualTo(1);
  }

  @Test
  void tieBreaksFavourNoPositionAcrossSeeds() {
    // Three tied samples over 3000 seeds: each should win about 1000 times (binomial sd about 26).
    double[] scores = {0.8, 0.8, 0.1, 0.8};
    int[] wins = new int[4];
    for (long seed = 0; seed < 3000; seed++) {
      double[] weights = BestOfNFilter.weights(scores, context("gsm8k-17", 4, seed));
      for (int i = 0; i < 4; i++) {
        wins[i] += (int) weights[i];
      }
    }
    assertThat(wins[2]).isZero();
    assertThat(wins[0]).isBetween(880, 1120);
    assertThat(wins[1]).isBetween(880, 1120);
    assertThat(wins[3]).isBetween(880, 1120);
  }

  @Test
  void tieBreakDependsOnTheExampleId() {
    // With the seed fixed, different examples must not all pick the same position.
    double[] scores = {0.8, 0.8};
    int firstWins = 0;
    for (int example = 0; example < 200; example++) {
      firstWins += (int) BestOfNFilter.weights(scores, context("ex-" + example, 2, 11))[0];
    }
    assertThat(firstWins).isBetween(60, 140);
  }
}
