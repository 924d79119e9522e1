package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.SampleRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiversityTest {

  private static final String A = "add the two numbers 20 and 22 and you get 42 as the answer";
  private static final String B = "take six times seven which is forty two so that is it";
  private static final String C = "we guess the result and say it is 41 without any work";

  private static SampleRecord sample(String example, int index, String text, String answer, double utility) {
    return new SampleRecord("m", "t", example, index, text, 5, null, "stop", answer, utility);
  }

  @Test
  void countsDistinctSolutionsAndAnswersPerPromptByHand() {
    List<SampleRecord> samples = List.of(
        sample("x", 0, A, "42", 1), sample("x", 1, A + "!", "42", 1), sample("x", 2, B, "42", 1),
        sample("x", 3, C, "41", 0), sample("x", 4, C, null, 0),
        sample("y", 0, C, "41", 0));
    List<PromptDiversity> diversity = Diversity.perPrompt(samples, DuplicateDetector.withDefaults());
    // x: clusters {A, A!}, {B}, {C, C} → 3 distinct; correct {A, A!, B} → 2 distinct; answers {42, 41} (null
    // ignored) → 2; correct answers {42} → 1
    assertThat(diversity.get(0)).isEqualTo(new PromptDiversity(new ExampleKey("m", "t", "x"), 5, 3, 3, 2, 2, 1));
    assertThat(diversity.get(1)).isEqualTo(new PromptDiversity(new ExampleKey("m", "t", "y"), 1, 0, 1, 0, 1, 0));
  }

  @Test
  void roundMeansAverageOverPrompts() {
    List<SampleRecord> round0 = List.of(sample("x", 0, A, "42", 1), sample("x", 1, B, "42", 1),
        sample("y", 0, C, "41", 0));
    List<SampleRecord> round1 = List.of(sample("x", 0, A, "42", 1), sample("x", 1, A, "42", 1));
    List<RoundDiversity> rounds = Diversity.perRound(Map.of(1, round1, 0, round0), DuplicateDetector.withDefaults());
    // round 0: x has 2 distinct correct, y has 0 → mean 1.0; distinct solutions 2 and 1 → 1.5; answers 1 and 1
    assertThat(rounds.get(0).round()).isZero();
    assertThat(rounds.get(0).meanDistinctCorrectSolutions()).isCloseTo(1.0, within(1e-12));
    assertThat(rounds.get(0).meanDistinctSolutions()).isCloseTo(1.5, within(1e-12));
    assertThat(rounds.get(0).meanDistinctAnswers()).isCloseTo(1.0, within(1e-12));
    assertThat(rounds.get(0).promptsWithACorrectSolution()).isEqualTo(1);
    // round 1: one prompt, two identical samples → 1 distinct; diversity fell
    assertThat(rounds.get(1)).isEqualTo(new RoundDiversity(1, 1, 2, 1.0, 1.0, 1.0, 1));
  }
}
