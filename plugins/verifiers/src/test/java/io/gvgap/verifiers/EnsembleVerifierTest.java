package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.task.Example;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnsembleVerifierTest {

  private static final Example TWO_PLUS_THREE = SumTask.example("sum-1", 2, 3);

  /** Three candidates; verifier a scores 0.9, 0.4, 0.8; verifier b scores 0.6, 0.9, unparsed. */
  private static VerificationRequest request() {
    VerificationRequest plain = SumTask.request(TWO_PLUS_THREE, null, 0, "5", "6", "5");
    Map<String, List<Score>> earlier = Map.of(
        "a", List.of(Score.of(0, 0.9, "", ""), Score.of(1, 0.4, "", ""), Score.of(2, 0.8, "", "")),
        "b", List.of(Score.of(2, 0.7, "", ""), Score.of(1, 0.9, "", ""), Score.of(0, 0.6, "", "")),
        "c",
            List.of(
                Score.of(0, 1, "", ""),
                Score.of(1, 1, "", ""),
                Score.failed(2, "??", "no verdict")));
    return new VerificationRequest(
        plain.task(), plain.example(), plain.candidates(), null, 0, earlier);
  }

  private static Verifier ensemble(
      List<String> members, EnsembleVerifier.Mode mode, double threshold, List<Double> w) {
    return new EnsembleVerifier().create(new EnsembleVerifier.Options(members, mode, threshold, w));
  }

  @Test
  void andKeepsOnlyWhatEveryMemberAccepts() {
    // threshold 0.5: sample 0 (0.9, 0.6) both accept -> 1; sample 1 (0.4, 0.9) a rejects -> 0;
    // sample 2 (0.8, 0.7) both accept -> 1. Scores are matched by sample index, not position.
    List<Score> scores =
        ensemble(List.of("a", "b"), EnsembleVerifier.Mode.AND, 0.5, List.of()).verify(request());
    assertThat(scores).extracting(Score::sampleIndex).containsExactly(0, 1, 2);
    assertThat(scores).extracting(Score::value).containsExactly(1.0, 0.0, 1.0);
    // threshold 0.65: sample 0 b=0.6 rejects -> 0; sample 2 (0.8, 0.7) -> 1
    assertThat(ensemble(List.of("a", "b"), EnsembleVerifier.Mode.AND, 0.65, List.of())
            .verify(request()))
        .extracting(Score::value)
        .containsExactly(0.0, 0.0, 1.0);
  }

  @Test
  void meanIsTheWeightedMeanOfMemberScores() {
    // weights 3 and 1: sample 0 (3*0.9 + 0.6)/4 = 0.825; sample 1 (3*0.4 + 0.9)/4 = 0.525;
    // sample 2 (3*0.8 + 0.7)/4 = 0.775
    List<Score> scores = ensemble(
            List.of("a", "b"), EnsembleVerifier.Mode.MEAN, 0.5, List.of(3.0, 1.0))
        .verify(request());
    assertThat(scores.get(0).value()).isCloseTo(0.825, within(1e-12));
    assertThat(scores.get(1).value()).isCloseTo(0.525, within(1e-12));
    assertThat(scores.get(2).value()).isCloseTo(0.775, within(1e-12));
  }

  @Test
  void aMemberWithoutAScoreMakesTheEnsembleFailForThatSampleOnly() {
    List<Score> scores =
        ensemble(List.of("a", "c"), EnsembleVerifier.Mode.AND, 0.5, List.of()).verify(request());
    assertThat(scores.get(0).value()).isEqualTo(1.0);
    assertThat(scores.get(1).value()).isEqualTo(0.0);
    assertThat(scores.get(2).ok()).isFalse();
    assertThat(scores.get(2).verdict()).contains("[c]");
  }

  @Test
  void aMemberThatHasNotRunIsAClearError() {
    assertThatThrownBy(() -> ensemble(List.of("a", "zz"), EnsembleVerifier.Mode.AND, 0.5, List.of())
            .verify(request()))
        .hasMessageContaining("'zz'")
        .hasMessageContaining("before the ensemble");
  }

  @Test
  void optionsAreValidatedAndNoModelIsCalled() {
    assertThatThrownBy(() ->
            new EnsembleVerifier.Options(List.of("a"), EnsembleVerifier.Mode.AND, 0.5, List.of()))
        .hasMessageContaining("at least two");
    assertThatThrownBy(() -> new EnsembleVerifier.Options(
            List.of("a", "b"), EnsembleVerifier.Mode.MEAN, 0.5, List.of(1.0)))
        .hasMessageContaining("one weight per member");
    assertThatThrownBy(() -> new EnsembleVerifier.Options(
            List.of("a", "a"), EnsembleVerifier.Mode.AND, 0.5, List.of()))
        .hasMessageContaining("twice");
    assertThat(ensemble(List.of("a", "b"), EnsembleVerifier.Mode.AND, 0.5, List.of())
            .usesModel())
        .isFalse();
  }
}
