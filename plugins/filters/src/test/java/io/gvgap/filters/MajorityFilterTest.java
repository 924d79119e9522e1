package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MajorityFilterTest {

  private static final double NAN = Double.NaN;

  @Test
  void keepsTheMostCommonAnswer() {
    // "4" has 3 votes, "5" has 2, one sample has no answer.
    var context = Contexts.answers("4", "4", "5", null, "5", "4");
    assertThat(MajorityFilter.weights(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, context))
        .containsExactly(1, 1, 0, 0, 0, 1);
  }

  @Test
  void scoresDoNotInfluenceTheVote() {
    var context = Contexts.answers("4", "4", "5", null, "5", "4");
    assertThat(MajorityFilter.weights(new double[] {0.0, 0.1, 1.0, 1.0, 1.0, 0.0}, context))
        .containsExactly(1, 1, 0, 0, 0, 1);
  }

  @Test
  void tiedAnswersAreAllKept() {
    assertThat(MajorityFilter.weights(
            new double[] {1, 1, 1, 1, 1}, Contexts.answers("4", "5", "4", "5", null)))
        .containsExactly(1, 1, 1, 1, 0);
  }

  @Test
  void noAnswersAllNanAndEmptyKeepNothing() {
    assertThat(MajorityFilter.weights(new double[] {1, 1}, Contexts.answers(null, null)))
        .containsExactly(0, 0);
    assertThat(MajorityFilter.weights(new double[] {NAN, NAN}, Contexts.answers("3", "3")))
        .containsExactly(0, 0);
    assertThat(MajorityFilter.weights(new double[0], Contexts.answers())).isEmpty();
  }

  @Test
  void anUnscoredSampleVotesButIsNotKept() {
    // "7" wins 2 to 1 although one of its voters is unscored; that voter gets weight 0.
    assertThat(
            MajorityFilter.weights(new double[] {NAN, 0.1, 0.9}, Contexts.answers("7", "7", "8")))
        .containsExactly(0, 1, 0);
  }

  @Test
  void misalignedAnswersAreRejectedWithTheExample() {
    assertThatThrownBy(
            () -> MajorityFilter.weights(new double[] {1, 1, 1}, Contexts.answers("1", "2")))
        .hasMessageContaining("example-1")
        .hasMessageContaining("3 scores but 2 answers");
  }
}
