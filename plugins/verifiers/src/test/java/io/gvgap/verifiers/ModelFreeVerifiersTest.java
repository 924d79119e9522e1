package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.NoOptions;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFreeVerifiersTest {

  private static final Example TWO_PLUS_THREE = SumTask.example("sum-1", 2, 3);

  @Test
  void oracleIsTheTaskUtilityAndNeedsNoModel() {
    Verifier oracle = new OracleVerifier().create(new NoOptions());
    List<Score> scores =
        oracle.verify(SumTask.request(TWO_PLUS_THREE, null, 0, "it is 5", "it is 6", "no idea"));
    assertThat(scores).extracting(Score::value).containsExactly(1.0, 0.0, 0.0);
    assertThat(scores).allMatch(Score::ok);
    assertThat(scores.get(2).rawOutput()).contains("no answer").contains("reference '5'");
    assertThat(oracle.usesModel()).isFalse();
  }

  @Test
  void majorityIsTheShareOfSamplesWithTheSameAnswer() {
    // Answers 4, 4, 5, none, 4 over 5 samples: 4 has 3/5, 5 has 1/5, none scores 0.
    Verifier majority = new MajorityVoteVerifier().create(new NoOptions());
    List<Score> scores =
        majority.verify(SumTask.request(TWO_PLUS_THREE, null, 0, "4", "= 4", "5", "?", "4"));
    assertThat(scores).extracting(Score::value).containsExactly(0.6, 0.6, 0.2, 0.0, 0.6);
    assertThat(scores).allMatch(Score::ok);
    assertThat(scores.get(3).verdict()).isEqualTo("no answer");
    assertThat(scores.get(0).verdict()).isEqualTo("3 of 5 samples answer '4'");
    assertThat(majority.usesModel()).isFalse();
  }

  @Test
  void majorityWithNoAnswersAndNoSamples() {
    Verifier majority = new MajorityVoteVerifier().create(new NoOptions());
    assertThat(majority.verify(SumTask.request(TWO_PLUS_THREE, null, 0, "?", "!")))
        .extracting(Score::value)
        .containsExactly(0.0, 0.0);
    assertThat(majority.verify(SumTask.request(TWO_PLUS_THREE, null, 0))).isEmpty();
  }

  @Test
  void logprobIsTheGeometricMeanTokenProbability() {
    // -2 over 4 tokens: exp(-0.5) = 0.6065306597126334. 0 over 3 tokens: exp(0) = 1.
    Verifier logprob = new LogProbVerifier().create(new NoOptions());
    List<Score> scores = logprob.verify(new VerificationRequest(
        new SumTask(),
        TWO_PLUS_THREE,
        List.of(
            new Candidate(0, "5", Answer.of("5"), -2.0, 4),
            new Candidate(1, "5", Answer.of("5"), 0.0, 3),
            new Candidate(2, "5", Answer.of("5"), Double.NEGATIVE_INFINITY, 3)),
        null,
        0));
    assertThat(scores.get(0).value()).isCloseTo(0.6065306597126334, within(1e-15));
    assertThat(scores.get(1).value()).isEqualTo(1.0);
    assertThat(scores.get(2).value()).isZero();
    assertThat(logprob.usesModel()).isFalse();
  }

  @Test
  void logprobFailsWithAReasonWhenItCannotBeComputed() {
    Verifier logprob = new LogProbVerifier().create(new NoOptions());
    List<Score> scores = logprob.verify(new VerificationRequest(
        new SumTask(),
        TWO_PLUS_THREE,
        List.of(
            new Candidate(0, "5", Answer.of("5"), Double.NaN, 4),
            new Candidate(1, "", Answer.none(), -1.0, 0),
            new Candidate(2, "5", Answer.of("5"), 0.5, 2)),
        null,
        0));
    assertThat(scores).noneMatch(Score::ok);
    assertThat(scores.get(0).verdict()).contains("no log-probability");
    assertThat(scores.get(1).verdict()).contains("0 tokens");
    assertThat(scores.get(2).verdict()).contains("positive");
  }
}
