package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.NoOptions;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.task.DefaultVerificationFormats;
import io.gvgap.api.task.Example;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipleChoiceVerifierTest {

  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private static Verifier mc() {
    return new MultipleChoiceVerifier().create(new NoOptions());
  }

  @Test
  void probabilityFromLogProbsByHand() {
    // p_c / (p_c + p_i) with log-probs -0.5 and -1.5 is 1 / (1 + e^-1) = 0.7310585786300049.
    assertThat(MultipleChoiceVerifier.probabilityCorrect(-0.5, -1.5))
        .isCloseTo(0.7310585786300049, within(1e-15));
    assertThat(MultipleChoiceVerifier.probabilityCorrect(-1.5, -0.5))
        .isCloseTo(0.2689414213699951, within(1e-15));
    // 0.75 / (0.75 + 0.25) = 0.75; equal probabilities give 0.5.
    assertThat(MultipleChoiceVerifier.probabilityCorrect(Math.log(0.75), Math.log(0.25)))
        .isCloseTo(0.75, within(1e-15));
    assertThat(MultipleChoiceVerifier.probabilityCorrect(-3, -3)).isEqualTo(0.5);
  }

  @Test
  void tinyProbabilitiesDoNotUnderflow() {
    // exp(-1000) is 0 in doubles, so the naive ratio would be 0/0; the difference is still 1.
    assertThat(Math.exp(-1000) / (Math.exp(-1000) + Math.exp(-1001))).isNaN();
    assertThat(MultipleChoiceVerifier.probabilityCorrect(-1000, -1001))
        .isCloseTo(0.7310585786300049, within(1e-15));
    assertThat(MultipleChoiceVerifier.probabilityCorrect(-1001, -1000))
        .isCloseTo(0.2689414213699951, within(1e-15));
  }

  @Test
  void zeroProbabilitiesAndNaN() {
    assertThat(MultipleChoiceVerifier.probabilityCorrect(NEG_INF, -2)).isZero();
    assertThat(MultipleChoiceVerifier.probabilityCorrect(-2, NEG_INF)).isEqualTo(1);
    assertThat(MultipleChoiceVerifier.probabilityCorrect(NEG_INF, NEG_INF)).isNaN();
    assertThat(MultipleChoiceVerifier.probabilityCorrect(Double.NaN, -1)).isNaN();
  }

  @Test
  void scoresEverySampleOfEveryExampleInOneCall() {
    // Right answers: P(Correct) 0.6, P(Incorrect) 0.2 -> 0.75. Wrong ones: 0.1 and 0.3 -> 0.25.
    ScriptedModel judge = ScriptedModel.scoring((request, continuation) -> {
      boolean right = request.context().contains("Proposed answer: right\n");
      boolean correctWord = continuation.equals(" Correct");
      return Math.log(right ? (correctWord ? 0.6 : 0.2) : (correctWord ? 0.1 : 0.3));
    });
    List<VerificationRequest> requests = new ArrayList<>();
    for (int e = 0; e < 3; e++) {
      requests.add(
          SumTask.request(SumTask.example("q" + e, e, 1), judge, 3, "right", "wrong", "right"));
    }

    Map<String, List<Score>> scores = mc().verifyAll(requests);

    assertThat(judge.scoreCalls).hasSize(1);
    assertThat(judge.scoreCalls.get(0)).hasSize(9);
    for (List<Score> example : scores.values()) {
      assertThat(example)
          .extracting(Score::value)
          .satisfiesExactly(
              p -> assertThat(p).isCloseTo(0.75, within(1e-12)),
              p -> assertThat(p).isCloseTo(0.25, within(1e-12)),
              p -> assertThat(p).isCloseTo(0.75, within(1e-12)));
    }
    ScoringRequest first = judge.scoreCalls.get(0).get(0);
    Example q0 = requests.get(0).example();
    assertThat(first.id()).isEqualTo("q0#0#0");
    assertThat(first.context())
        .isEqualTo(DefaultVerificationFormats.INSTANCE.multipleChoice(q0, "right"));
    assertThat(first.continuations()).containsExactly(" Correct", " Incorrect");
    assertThat(scores.get("q0").get(0).rawOutput()).startsWith("logP(Correct) = ");
  }

  @Test
  void anExampleWithoutSamplesNeedsNoModelCall() {
    assertThat(mc().verify(SumTask.request(SumTask.example("q", 1, 1), null, 3)))
        .isEmpty();
  }

  @Test
  void undefinedProbabilityIsAFailedScore() {
    ScriptedModel judge = ScriptedModel.scoring((request, continuation) -> Double.NaN);
    Score score =
        mc().verify(SumTask.request(SumTask.example("q", 1, 1), judge, 3, "2")).get(0);
    assertThat(score.ok()).isFalse();
    assertThat(score.verdict()).contains("no probability");
  }

  @Test
  void aBackendReturningTheWrongNumberOfLogProbsIsReported() {
    var broken = new ScriptedModel((r, k) -> "", (r, c) -> -1) {
      @Override
      public List<io.gvgap.api.model.ScoringResult> score(List<ScoringRequest> requests) {
        return requests.stream()
            .map(r -> new io.gvgap.api.model.ScoringResult(r.id(), List.of(-1.0), List.of(1)))
            .toList();
      }
    };
    assertThatThrownBy(
            () -> mc().verify(SumTask.request(SumTask.example("q", 1, 1), broken, 3, "2")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("returned 1 log-probabilities");
  }
}
