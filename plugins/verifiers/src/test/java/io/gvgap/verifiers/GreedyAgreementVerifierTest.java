package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.task.Example;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GreedyAgreementVerifierTest {

  private static final Example TWO_PLUS_THREE = SumTask.example("sum-1", 2, 3);
  private static final Example FOUR_PLUS_FOUR = SumTask.example("sum-2", 4, 4);

  private static Verifier verifier() {
    return new GreedyAgreementVerifier().create(new GreedyAgreementVerifier.Options(32));
  }

  @Test
  void scoresOneExactlyWhenTheSampleAnswerEqualsTheGreedyAnswer() {
    // The greedy answer is 6 (wrong): agreement, not correctness, is what the control scores.
    ScriptedModel model = ScriptedModel.writing((request, i) -> " 2 + 3 = 6");
    VerificationRequest request =
        SumTask.request(TWO_PLUS_THREE, model, 5, "= 5", "= 6", "no idea", "so 6");

    List<Score> scores = verifier().verify(request);

    assertThat(scores).extracting(Score::sampleIndex).containsExactly(0, 1, 2, 3);
    assertThat(scores.get(0).value()).isEqualTo(0.0);
    assertThat(scores.get(1).value()).isEqualTo(1.0);
    assertThat(scores.get(2).ok()).isFalse();
    assertThat(scores.get(2).value()).isNaN();
    assertThat(scores.get(3).value()).isEqualTo(1.0);
    assertThat(scores.get(1).rawOutput()).isEqualTo("agrees with greedy answer '6'");
    GenerationRequest sent = model.generateCalls.get(0).get(0);
    assertThat(sent.id()).isEqualTo("sum-1#greedy");
    assertThat(sent.prompt())
        .isEqualTo(new SumTask().generationPrompt(TWO_PLUS_THREE).text());
    assertThat(sent.count()).isEqualTo(1);
    assertThat(model.generateParams.get(0).temperature()).isEqualTo(0.0);
    assertThat(model.generateParams.get(0).maxNewTokens()).isEqualTo(32);
  }

  @Test
  void everySampleFailsWhenTheGreedyGenerationHasNoAnswer() {
    ScriptedModel model = ScriptedModel.writing((request, i) -> " I cannot say.");
    List<Score> scores = verifier().verify(SumTask.request(TWO_PLUS_THREE, model, 5, "= 5", "= 6"));
    assertThat(scores).allSatisfy(s -> {
      assertThat(s.ok()).isFalse();
      assertThat(s.verdict()).isEqualTo("no greedy answer");
    });
  }

  @Test
  void generatesOnceForAllPromptsInOneCallAndCachesPerPrompt() {
    // Greedy answers: 5 for 2+3 (right), 9 for 4+4 (wrong).
    ScriptedModel model =
        ScriptedModel.writing((request, i) -> request.prompt().contains("2 + 3") ? " 5" : " 9");
    Verifier verifier = verifier();
    Map<String, List<Score>> first = verifier.verifyAll(List.of(
        SumTask.request(TWO_PLUS_THREE, model, 1, "5", "4"),
        SumTask.request(FOUR_PLUS_FOUR, model, 1, "8", "9")));
    assertThat(first.get("sum-1")).extracting(Score::value).containsExactly(1.0, 0.0);
    assertThat(first.get("sum-2")).extracting(Score::value).containsExactly(0.0, 1.0);
    assertThat(model.generateCalls).hasSize(1);
    assertThat(model.allGenerationRequests())
        .extracting(GenerationRequest::id)
        .containsExactlyInAnyOrder("sum-1#greedy", "sum-2#greedy");

    // A second batch (another seed, other samples) reuses the cached greedy answers.
    List<Score> again = verifier.verify(SumTask.request(FOUR_PLUS_FOUR, model, 7, "9", "x"));
    assertThat(again.get(0).value()).isEqualTo(1.0);
    assertThat(again.get(1).ok()).isFalse();
    assertThat(model.generateCalls).hasSize(1);
  }

  @Test
  void rejectsANonPositiveTokenLimit() {
    assertThatThrownBy(() -> new GreedyAgreementVerifier.Options(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_tokens");
  }
}
