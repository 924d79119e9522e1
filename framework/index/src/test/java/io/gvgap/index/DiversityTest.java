package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.core.results.DiversitySummary;
import io.gvgap.core.results.PromptDiversity;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.SampleRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiversityTest {

  private static final String A = "add the two numbers 20 and 22 and you get 42 as the answer";
  private static final String B = "take six times seven which is forty two so that is it";
  private static final String C = "we guess the result and say it is 41 without any work";

  private static SampleRecord sample(
      String example, int index, String text, String answer, double utility) {
    return new SampleRecord("m", "t", example, index, text, 5, null, "stop", answer, utility);
  }

  @Test
  void countsDistinctSolutionsAndAnswersPerPromptByHand() {
    List<SampleRecord> samples = List.of(
        sample("x", 0, A, "42", 1),
        sample("x", 1, A + "!", "42", 1),
        sample("x", 2, B, "42", 1),
        sample("x", 3, C, "41", 0),
        sample("x", 4, C, null, 0),
        sample("y", 0, C, "41", 0));
    List<PromptDiversity> diversity =
        Diversity.perPrompt(samples, DuplicateDetector.withDefaults());
    // x: clusters {A, A!}, {B}, {C, C} → 3 distinct; correct {A, A!, B} → 2 distinct; answers {42,
    // 41} (null
    // ignored) → 2; correct answers {42} → 1
    assertThat(diversity.get(0))
        .isEqualTo(new PromptDiversity(new ExampleKey("m", "t", "x"), 5, 3, 3, 2, 2, 1));
    assertThat(diversity.get(1))
        .isEqualTo(new PromptDiversity(new ExampleKey("m", "t", "y"), 1, 0, 1, 0, 1, 0));
  }

  @Test
  void summaryAveragesOverPromptsByHand() {
    List<SampleRecord> samples = List.of(
        sample("x", 0, A, "42", 1),
        sample("x", 1, B, "42", 1),
        sample("x", 2, B + ".", "42", 1),
        sample("y", 0, C, "41", 0),
        sample("y", 1, C, "40", 0));
    DiversitySummary summary =
        Diversity.summary("m", "t", samples, DuplicateDetector.withDefaults());
    // x: clusters {A}, {B, B.} → 2 distinct, all correct → 2 correct; answers {42} → 1, correct
    // answers 1
    // y: clusters {C, C} → 1 distinct, none correct → 0; answers {41, 40} → 2, correct answers 0
    // means: solutions (2 + 1) / 2 = 1.5; correct (2 + 0) / 2 = 1.0; answers (1 + 2) / 2 = 1.5;
    // correct answers 0.5
    assertThat(summary.prompts()).isEqualTo(2);
    assertThat(summary.meanDistinctSolutions()).isCloseTo(1.5, within(1e-12));
    assertThat(summary.meanDistinctCorrectSolutions()).isCloseTo(1.0, within(1e-12));
    assertThat(summary.meanDistinctAnswers()).isCloseTo(1.5, within(1e-12));
    assertThat(summary.meanDistinctCorrectAnswers()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void summaryOfNoSamplesIsUndefinedNotZero() {
    DiversitySummary summary =
        Diversity.summary("m", "t", List.of(), DuplicateDetector.withDefaults());
    assertThat(summary.prompts()).isZero();
    assertThat(summary.meanDistinctCorrectSolutions()).isNaN();
  }
}
