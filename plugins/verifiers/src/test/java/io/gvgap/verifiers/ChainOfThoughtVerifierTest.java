package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.task.DefaultVerificationFormats;
import io.gvgap.api.task.Example;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainOfThoughtVerifierTest {

  private static final Example TWO_PLUS_THREE = SumTask.example("sum-1", 2, 3);

  private static Verifier binary(int k) {
    return new CotBinaryVerifier().create(new CotOptions(k, 0.7, 256));
  }

  private static Verifier score(int k) {
    return new CotScoreVerifier().create(new CotOptions(k, 0.7, 256));
  }

  /** A judge whose k-th verification of every sample is {@code outputs[k]}. */
  private static ScriptedModel judgeWriting(String... outputs) {
    return ScriptedModel.writing((request, k) -> outputs[k]);
  }

  @Test
  void oneVerdictPerSampleWithTheTaskPromptAndTheOptionsSampling() {
    // The judge says correct exactly when the proposed answer ends in 5 (the right sum).
    ScriptedModel judge = ScriptedModel.writing(
        (request, k) -> request.prompt().contains("Proposed answer: 2 + 3 = 5\n")
            ? "Adds up.\nVerdict: correct"
            : "Verdict: incorrect");
    VerificationRequest request =
        SumTask.request(TWO_PLUS_THREE, judge, 99, "2 + 3 = 5", "2 + 3 = 6");

    List<Score> scores = binary(1).verify(request);

    assertThat(scores).extracting(Score::sampleIndex).containsExactly(0, 1);
    assertThat(scores).extracting(Score::value).containsExactly(1.0, 0.0);
    assertThat(scores).extracting(Score::verdict).containsExactly("correct", "incorrect");
    assertThat(scores.get(0).rawOutput()).isEqualTo("Adds up.\nVerdict: correct");
    GenerationRequest sent = judge.generateCalls.get(0).get(0);
    assertThat(sent.id()).isEqualTo("sum-1#0");
    assertThat(sent.count()).isEqualTo(1);
    assertThat(sent.prompt())
        .isEqualTo(DefaultVerificationFormats.INSTANCE.cotBinary(TWO_PLUS_THREE, "2 + 3 = 5"));
    var params = judge.generateParams.get(0);
    assertThat(params.temperature()).isEqualTo(0.7);
    assertThat(params.maxNewTokens()).isEqualTo(256);
    assertThat(params.seed()).isEqualTo(99);
  }

  @Test
  void averagesKVerdicts() {
    // K = 3 verdicts correct, incorrect, correct: mean 2/3, and the raw output holds all three.
    ScriptedModel judge =
        judgeWriting("Verdict: correct", "Verdict: incorrect", "Verdict: correct");
    Score score =
        binary(3).verify(SumTask.request(TWO_PLUS_THREE, judge, 1, "5")).get(0);
    assertThat(score.ok()).isTrue();
    assertThat(score.value()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(judge.generateCalls.get(0).get(0).count()).isEqualTo(3);
    assertThat(score.rawOutput())
        .contains("=== verification 1 of 3 ===\nVerdict: correct\n")
        .contains("=== verification 2 of 3 ===\nVerdict: incorrect\n")
        .contains("=== verification 3 of 3 ===\nVerdict: correct\n");
  }

  @Test
  void partialFailuresAverageOnlyTheParsedVerdictsAndKeepAllOutputs() {
    // Parsed: correct (1) and incorrect (0), so the mean is 1/2; the middle output is counted
    // unparsed.
    ScriptedModel judge = judgeWriting("Verdict: correct", "I am not sure.", "Verdict: incorrect");
    Score score =
        binary(3).verify(SumTask.request(TWO_PLUS_THREE, judge, 1, "5")).get(0);
    assertThat(score.ok()).isTrue();
    assertThat(score.value()).isEqualTo(0.5);
    assertThat(score.verdict()).contains("2 parsed of 3").contains("unparsed");
    assertThat(score.rawOutput())
        .contains("I am not sure.")
        .contains("Verdict: correct")
        .contains("Verdict: incorrect");
  }

  @Test
  void allKUnparseableIsAFailureWithEveryOutputKept() {
    ScriptedModel judge = judgeWriting("Verdict: correct-ish", "");
    Score score =
        binary(2).verify(SumTask.request(TWO_PLUS_THREE, judge, 1, "5")).get(0);
    assertThat(score.ok()).isFalse();
    assertThat(score.value()).isNaN();
    assertThat(score.verdict()).contains("none of the 2 verification outputs");
    assertThat(score.rawOutput())
        .contains("Verdict: correct-ish")
        .contains("=== verification 2 of 2 ===");
  }

  @Test
  void aSingleUnparseableOutputIsAFailureWithItsReason() {
    Score score = binary(1)
        .verify(SumTask.request(TWO_PLUS_THREE, judgeWriting("Looks fine to me."), 1, "5"))
        .get(0);
    assertThat(score.ok()).isFalse();
    assertThat(score.rawOutput()).isEqualTo("Looks fine to me.");
    assertThat(score.verdict()).contains("no line \"Verdict: correct\"");
  }

  @Test
  void cotScoreNormalisesAndAveragesAndDropsOutOfRangeScores() {
    // Score 7 -> 6/9. K = 2 with 10 and 4 -> (9/9 + 3/9) / 2 = 2/3. K = 2 with 11 (invalid) and 8
    // -> 7/9.
    Score seven = score(1)
        .verify(SumTask.request(TWO_PLUS_THREE, judgeWriting("Fine.\nScore: 7"), 1, "5"))
        .get(0);
    assertThat(seven.value()).isCloseTo(6.0 / 9, within(1e-15));
    assertThat(seven.verdict()).isEqualTo("7/10");
    Score mean = score(2)
        .verify(SumTask.request(TWO_PLUS_THREE, judgeWriting("Score: 10", "Score: 4"), 1, "5"))
        .get(0);
    assertThat(mean.value()).isCloseTo(2.0 / 3, within(1e-15));
    Score partial = score(2)
        .verify(SumTask.request(TWO_PLUS_THREE, judgeWriting("Score: 11", "Score: 8/10"), 1, "5"))
        .get(0);
    assertThat(partial.value()).isCloseTo(7.0 / 9, within(1e-15));
    assertThat(partial.verdict()).contains("outside 1 to 10");
    Score failed = score(1)
        .verify(SumTask.request(TWO_PLUS_THREE, judgeWriting("Score: 11"), 1, "5"))
        .get(0);
    assertThat(failed.ok()).isFalse();
  }

  @Test
  void cotScoreUsesTheTaskScorePrompt() {
    ScriptedModel judge = judgeWriting("Score: 5");
    score(1).verify(SumTask.request(TWO_PLUS_THREE, judge, 1, "2 + 3 = 5"));
    assertThat(judge.generateCalls.get(0).get(0).prompt())
        .isEqualTo(DefaultVerificationFormats.INSTANCE.cotScore(TWO_PLUS_THREE, "2 + 3 = 5"));
  }

  @Test
  void batchesEveryExampleInOneCallAndMatchesResultsById() {
    // Three examples of four samples: one generate call with twelve requests. The judge answers
    // from
    // the prompt (correct iff the proposed answer is the true sum), and the scripted model returns
    // results in reverse order, so a position-matched verifier would mix them up.
    ScriptedModel judge = ScriptedModel.writing((request, k) -> {
      String prompt = request.prompt();
      int a = Integer.parseInt(prompt.replaceAll("(?s).*What is (\\d+) \\+ (\\d+)\\?.*", "$1"));
      int b = Integer.parseInt(prompt.replaceAll("(?s).*What is (\\d+) \\+ (\\d+)\\?.*", "$2"));
      return prompt.contains("Proposed answer: " + (a + b) + "\n")
          ? "Verdict: correct"
          : "Verdict: incorrect";
    });
    List<VerificationRequest> requests = new ArrayList<>();
    for (int e = 1; e <= 3; e++) {
      Example example = SumTask.example("sum-" + e, e, 10);
      requests.add(SumTask.request(
          example, judge, 5, "1", Integer.toString(e + 10), "0", Integer.toString(e + 10)));
    }

    Map<String, List<Score>> scores = binary(1).verifyAll(requests);

    assertThat(judge.generateCalls).hasSize(1);
    assertThat(judge.generateCalls.get(0)).hasSize(12);
    assertThat(scores.keySet()).containsExactly("sum-1", "sum-2", "sum-3");
    for (List<Score> example : scores.values()) {
      assertThat(example).extracting(Score::value).containsExactly(0.0, 1.0, 0.0, 1.0);
    }
  }

  @Test
  void requestsWithDifferentSeedsGoInOneCallPerSeed() {
    ScriptedModel judge = judgeWriting("Verdict: correct");
    binary(1)
        .verifyAll(List.of(
            SumTask.request(SumTask.example("a", 1, 1), judge, 7, "2"),
            SumTask.request(SumTask.example("b", 1, 2), judge, 8, "3"),
            SumTask.request(SumTask.example("c", 1, 3), judge, 7, "4")));
    assertThat(judge.generateCalls).hasSize(2);
    assertThat(judge.generateParams).extracting(p -> p.seed()).containsExactly(7L, 8L);
    assertThat(judge.generateCalls.get(0))
        .extracting(GenerationRequest::id)
        .containsExactly("a#0", "c#0");
  }

  @Test
  void aBackendThatLosesARequestIsReported() {
    ScriptedModel honest = judgeWriting("Verdict: correct");
    var lossy = new ScriptedModel((request, k) -> "Verdict: correct", (r, c) -> 0) {
      @Override
      public List<io.gvgap.api.model.Generation> generate(
          List<GenerationRequest> requests, io.gvgap.api.model.SamplingParams params) {
        return honest.generate(requests.subList(1, requests.size()), params);
      }
    };
    assertThatThrownBy(() -> binary(1).verify(SumTask.request(TWO_PLUS_THREE, lossy, 1, "5", "6")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no result for request 'sum-1#0'");
  }

  @Test
  void aRequestWithoutAModelIsRejectedClearly() {
    assertThatThrownBy(() -> binary(1).verify(SumTask.request(TWO_PLUS_THREE, null, 1, "5")))
        .hasMessageContaining("needs a judging model")
        .hasMessageContaining("sum-1");
  }

  @Test
  void anExampleWithoutSamplesNeedsNoModelCall() {
    ScriptedModel judge = judgeWriting("Verdict: correct");
    Map<String, List<Score>> scores = binary(1)
        .verifyAll(List.of(
            SumTask.request(SumTask.example("empty", 1, 1), null, 1),
            SumTask.request(TWO_PLUS_THREE, judge, 1, "5")));
    assertThat(scores.get("empty")).isEmpty();
    assertThat(scores.get("sum-1")).extracting(Score::value).containsExactly(1.0);
    assertThat(judge.generateCalls).hasSize(1);
  }

  @Test
  void duplicateExampleIdsInOneBatchAreRejected() {
    ScriptedModel judge = judgeWriting("Verdict: correct");
    VerificationRequest request = SumTask.request(TWO_PLUS_THREE, judge, 1, "5");
    assertThatThrownBy(() -> binary(1).verifyAll(List.of(request, request)))
        .hasMessageContaining("two requests for example 'sum-1'");
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> new CotOptions(0, 0.7, 256)).hasMessageContaining("option k");
    assertThatThrownBy(() -> new CotOptions(1, -0.1, 256))
        .hasMessageContaining("option temperature");
    assertThatThrownBy(() -> new CotOptions(1, Double.NaN, 256))
        .hasMessageContaining("option temperature");
    assertThatThrownBy(() -> new CotOptions(1, 0.7, 0)).hasMessageContaining("option max_tokens");
  }
}
