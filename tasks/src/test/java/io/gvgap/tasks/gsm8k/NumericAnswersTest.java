package io.gvgap.tasks.gsm8k;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.Task;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-written completions, each with the answer a careful reader would extract from it. */
class NumericAnswersTest {

  static Stream<Arguments> completionsAndAnswers() {
    return Stream.of(
        arguments("So she makes 9 * 2 = $18 a day.\n#### 18", "18"),
        arguments("#### 1,000", "1000"),
        arguments("####1,450,000", "1450000"),
        arguments("#### -10", "-10"),
        arguments("#### $70,000.00", "70000"),
        arguments("The answer is 42.", "42"),
        arguments("The answer is $1,234.50", "1234.5"),
        arguments("The final answer is: 7", "7"),
        arguments("answer: -3", "-3"),
        arguments("First 3 apples, then 5 more, so 8 apples in total.", "8"),
        arguments("He pays $12.50 for lunch", "12.5"),
        arguments("It is 0.75 of the cake", "0.75"),
        arguments("It rose by 50%", "50"),
        arguments("The distance is 12 km.", "12"),
        arguments("The temperature was 5 - 12 = -7 degrees.", "-7"),
        arguments("She has 10 - 4", "4"),
        arguments("The loss is \u22125 dollars", "-5"),
        arguments("It costs -$5", "-5"),
        arguments("The value is 18.00", "18"),
        arguments("The result is -0", "0"),
        arguments("The answer is 7.\n#### 9", "9"),
        arguments("#### 5\n\nQuestion: Ann has 7 pens. How many?\nAnswer: #### 7", "5"),
        arguments("We get 16-3-4=9 eggs", "9"),
        arguments("He has 3,5 or 7 options", "7"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @MethodSource("completionsAndAnswers")
  void extractsTheFinalNumber(String completion, String expected) {
    assertThat(NumericAnswers.extract(completion)).isEqualTo(Answer.of(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"I do not know.", "", "The answer is unclear", "#### none", "Answer: ten"})
  void findsNoAnswerWithoutANumber(String completion) {
    assertThat(NumericAnswers.extract(completion).found()).isFalse();
  }

  /** Example of GSM8K line 1: the gold answer is 18 ("16 - 3 - 4 = 9 eggs, 9 * 2 = 18 dollars"). */
  private static final Example DUCKS = new Example(
      "1",
      "Janet's ducks lay 16 eggs per day...",
      "Janet sells 16 - 3 - 4 = 9 duck eggs a day.\n#### 18",
      Map.of(Gsm8kTask.ANSWER, "18"));

  private static double score(String completion) {
    Task task = new Gsm8kTask(new Gsm8kOptions(Path.of("unused.jsonl")));
    return task.utility(DUCKS, task.extract(DUCKS, completion));
  }

  @Test
  void adversarialCompletionsScoreAsTheyShould() {
    // the right number only inside the reasoning, then a wrong final answer
    assertThat(score("She makes 9 * 2 = 18 dollars, plus 2 more.\n#### 20")).isEqualTo(0.0);
    assertThat(score("9 * 2 = 18. But she also sells 1 more, so 9 * 2 + 2 = 20."))
        .isEqualTo(0.0);
    assertThat(score("18 is tempting, but the answer is 16.")).isEqualTo(0.0);
    // right final answer, written in different ways
    assertThat(score("She sells 9 eggs at $2.\n#### $18.00")).isEqualTo(1.0);
    assertThat(score("So the answer is 18 dollars.")).isEqualTo(1.0);
    assertThat(score("She earns 9 * 2 = $18")).isEqualTo(1.0);
    // no answer at all: reported as not extracted, and scores 0
    Task task = new Gsm8kTask(new Gsm8kOptions(Path.of("unused.jsonl")));
    assertThat(task.extract(DUCKS, "I cannot solve this.")).isEqualTo(Answer.none());
    assertThat(task.utility(DUCKS, Answer.none())).isEqualTo(0.0);
    assertThat(task.utility(DUCKS, Answer.of("eighteen"))).isEqualTo(0.0);
  }

  @Test
  void strictAndFlexibleExtractionDifferWhereTheyShould() {
    Task strict = new Gsm8kTask(new Gsm8kOptions(Path.of("unused.jsonl"), 4, "strict"));
    Task flexible = new Gsm8kTask(new Gsm8kOptions(Path.of("unused.jsonl"), 4, "flexible"));
    Task auto = new Gsm8kTask(new Gsm8kOptions(Path.of("unused.jsonl")));
    // the trained format: all three read the #### line; flexible reads the last number instead
    String formatted = "9 * 2 = 18 dollars, 18 in all.\n#### 18 (checked 3 times)";
    assertThat(strict.extract(DUCKS, formatted)).isEqualTo(Answer.of("18"));
    assertThat(auto.extract(DUCKS, formatted)).isEqualTo(Answer.of("18"));
    assertThat(flexible.extract(DUCKS, formatted)).isEqualTo(Answer.of("3"));
    // no #### line: strict finds nothing, auto the stated answer, flexible the last number
    String stated = "So the answer is 18 dollars, from 9 eggs at 2 each.";
    assertThat(strict.extract(DUCKS, stated)).isEqualTo(Answer.none());
    assertThat(auto.extract(DUCKS, stated)).isEqualTo(Answer.of("18"));
    assertThat(flexible.extract(DUCKS, stated)).isEqualTo(Answer.of("2"));
    // text after a new "Question:" is ignored in every mode
    String runOn = "She earns 18.\nQuestion: a farmer has 7 cows";
    assertThat(flexible.extract(DUCKS, runOn)).isEqualTo(Answer.of("18"));
    assertThat(strict.extract(DUCKS, runOn)).isEqualTo(Answer.none());
    assertThatThrownBy(() -> new Gsm8kOptions(Path.of("x.jsonl"), 4, "lenient"))
        .hasMessageContaining("extraction must be auto, strict or flexible, was lenient");
  }
}
