package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mode {@code intersect}: a sample is kept only when every member's own filter keeps it. */
class EnsembleIntersectTest {

  private static VerificationRequest request(long seed, double[] a, double[] b) {
    String[] answers = new String[a.length];
    java.util.Arrays.fill(answers, "5");
    VerificationRequest plain = SumTask.request(SumTask.example("sum-7", 2, 3), null, 0, answers);
    List<Score> sa = new ArrayList<>();
    List<Score> sb = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      sa.add(Score.of(i, a[i], "", ""));
      sb.add(Score.of(i, b[i], "", ""));
    }
    return new VerificationRequest(
        plain.task(), plain.example(), plain.candidates(), null, seed, Map.of("a", sa, "b", sb));
  }

  private static List<Score> intersect(VerificationRequest request, String fa, String fb) {
    return new EnsembleVerifier()
        .create(new EnsembleVerifier.Options(
            List.of("a", "b"), EnsembleVerifier.Mode.INTERSECT, 0.5, List.of(), List.of(fa, fb)))
        .verify(request);
  }

  @Test
  void equalsTheSetIntersectionComputedByHand() {
    // a: 0.9 0.2 0.7 0.4 0.8 0.1 -> quantile(alpha=0.5) keeps its top 3 = {0, 4, 2}
    // b: 0.3 0.9 0.6 0.8 0.2 0.7 -> threshold(tau=0.65) keeps {1, 3, 5}; top-k(k=4) keeps {1,3,5,2}
    double[] a = {0.9, 0.2, 0.7, 0.4, 0.8, 0.1};
    double[] b = {0.3, 0.9, 0.6, 0.8, 0.2, 0.7};
    // {0, 2, 4} ∩ {1, 3, 5} = {} : nothing kept
    assertThat(intersect(request(1, a, b), "quantile(alpha=0.5)", "threshold(tau=0.65)"))
        .extracting(Score::value)
        .containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    // {0, 2, 4} ∩ {1, 2, 3, 5} = {2}
    assertThat(intersect(request(1, a, b), "quantile(alpha=0.5)", "top-k(k=4)"))
        .extracting(Score::value)
        .containsExactly(0.0, 0.0, 1.0, 0.0, 0.0, 0.0);
    // quantile(alpha=1) keeps all of a, so the result is b's own threshold set {1, 3, 5}
    assertThat(intersect(request(1, a, b), "quantile(alpha=1)", "threshold(tau=0.65)"))
        .extracting(Score::value)
        .containsExactly(0.0, 1.0, 0.0, 1.0, 0.0, 1.0);
  }

  @Test
  void equalsTheIntersectionOfEachMembersOwnFilterOnRandomTiedScores() {
    Random random = new Random(3);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + random.nextInt(10);
      double[] a = new double[n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = random.nextInt(4) / 3.0;
        b[i] = random.nextInt(4) / 3.0;
      }
      long seed = random.nextLong();
      double tau = random.nextInt(4) / 3.0;
      List<Score> scores =
          intersect(request(seed, a, b), "quantile(alpha=0.25)", "threshold(tau=" + tau + ")");
      // by hand: a's kept set under the quantile rule (exactly ceil(n/4), ties by the seeded key)
      Set<Integer> keptA = new HashSet<>();
      double[] wa = io.gvgap.filters.QuantileFilter.weights(a, 0.25, seed, "sum-7");
      for (int i = 0; i < n; i++) {
        if (wa[i] > 0) {
          keptA.add(i);
        }
      }
      assertThat(keptA).hasSize((n + 3) / 4);
      for (int i = 0; i < n; i++) {
        boolean expected = keptA.contains(i) && b[i] >= tau;
        assertThat(scores.get(i).value())
            .as("trial %d sample %d", trial, i)
            .isEqualTo(expected ? 1.0 : 0.0);
      }
    }
  }

  @Test
  void rejectsMissingUnknownOrMisusedMemberFilters() {
    assertThatThrownBy(() -> new EnsembleVerifier.Options(
            List.of("a", "b"), EnsembleVerifier.Mode.INTERSECT, 0.5, List.of(), List.of("top-k")))
        .hasMessageContaining("one filter per member (2), got 1");
    assertThatThrownBy(() -> new EnsembleVerifier.Options(
            List.of("a", "b"),
            EnsembleVerifier.Mode.INTERSECT,
            0.5,
            List.of(),
            List.of("top-k(k=2)", "softmax")))
        .hasMessageContaining("filters[1]: unknown member filter 'softmax'");
    assertThatThrownBy(() -> new EnsembleVerifier.Options(
            List.of("a", "b"),
            EnsembleVerifier.Mode.INTERSECT,
            0.5,
            List.of(),
            List.of("quantile(alpha=2)", "best-of-n")))
        .hasMessageContaining("alpha must be in (0, 1]");
    assertThatThrownBy(() -> new EnsembleVerifier.Options(
            List.of("a", "b"), EnsembleVerifier.Mode.AND, 0.5, List.of(), List.of("a", "b")))
        .hasMessageContaining("only mode intersect");
  }
}
