package io.gvgap.tasks.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Options, problem generation, prompts and answer extraction of the arithmetic task. */
class ArithmeticTaskTest {

  private final Task task = new ArithmeticProvider().create(new ArithmeticOptions());

  @Test
  void problemsFollowTheOptions() {
    Task hard = new ArithmeticProvider().create(new ArithmeticOptions(4, "*", 3, 50, 0));
    for (Example example : hard.examples(new ExampleRequest(50, 1))) {
      assertThat(example.metadata().get(ArithmeticTask.EXPRESSION))
          .matches("[1-9]\\d{3}\\*[1-9]\\d{3}\\*[1-9]\\d{3}");
    }
    assertThat(hard.examples(new ExampleRequest(1000, 1))).hasSize(50);
  }

  @Test
  void minDigitsMixesOperandLengthsPerProblemAndLeavesFixedLengthsAsBefore() {
    ArithmeticOptions mix = new ArithmeticOptions(2, "+-*", 2, 500, 3, 2, 1);
    java.util.Map<Integer, Integer> byLength = new java.util.TreeMap<>();
    for (Example example :
        new ArithmeticProvider().create(mix).examples(new ExampleRequest(500, 0))) {
      String[] operands = example.metadata().get(ArithmeticTask.EXPRESSION).split("[-+*]");
      // every operand of a problem has the problem's one digit count
      assertThat(operands[0].length()).isEqualTo(operands[1].length());
      assertThat(operands[0]).matches("[1-9]\\d?");
      byLength.merge(operands[0].length(), 1, Integer::sum);
    }
    assertThat(byLength.keySet()).containsExactly(1, 2);
    // drawn uniformly: 500 draws of a fair choice stay within 5 standard deviations of 250
    assertThat(byLength.get(1)).isBetween(250 - 56, 250 + 56);
    // min_digits 0 and min_digits == digits give the problems of fixed-length options
    List<Example> fixed = task.examples(new ExampleRequest(20, 3));
    assertThat(new ArithmeticProvider()
            .create(new ArithmeticOptions(2, "+-", 2, 500, 3, 2, 2))
            .examples(new ExampleRequest(20, 3)))
        .isEqualTo(fixed);
    assertThat(new ArithmeticOptions().minDigits()).isZero();
    assertThat(mix.fewestDigits()).isEqualTo(1);
    assertThat(new ArithmeticOptions().fewestDigits()).isEqualTo(2);
  }

  @Test
  void examplesDependOnSeedAndIndexOnly() {
    List<Example> five = task.examples(new ExampleRequest(5, 42));
    assertThat(task.examples(new ExampleRequest(9, 42)).subList(0, 5)).isEqualTo(five);
    assertThat(five.get(2).id()).isEqualTo("s42-2");
    assertThat(five.get(2).question())
        .isEqualTo("What is " + five.get(2).metadata().get(ArithmeticTask.EXPRESSION) + "?");
  }

  @Test
  void promptHasTheShotsThenTheQuestion() {
    Example example = task.examples(new ExampleRequest(1, 0)).get(0);
    String prompt = task.generationPrompt(example).text();
    assertThat(prompt.split("Question: ", -1))
        .hasSize(3 + 2); // 3 shots, the question, and the text before the first
    assertThat(prompt).endsWith("Question: " + example.question() + "\nSolution:\n");
  }

  @Test
  void extractsTheLastAnswerLine() {
    Example example = task.examples(new ExampleRequest(1, 0)).get(0);
    assertThat(task.extract(example, "Answer: 12\nAnswer: -0045")).isEqualTo(Answer.of("-45"));
    assertThat(task.extract(example, "47+85=132\nAnswer: 132\nQuestion: What is 1+1?\nAnswer: 2"))
        .isEqualTo(Answer.of("132"));
    assertThat(task.extract(example, "47+85=132")).isEqualTo(Answer.none());
    assertThat(task.extract(example, "Answer: twelve")).isEqualTo(Answer.none());
    String expected = example.metadata().get(ArithmeticTask.ANSWER);
    assertThat(task.utility(example, Answer.of(expected))).isEqualTo(1.0);
    assertThat(task.utility(example, Answer.of(expected + "1"))).isEqualTo(0.0);
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> new ArithmeticOptions(2, "+/", 2, 10, 0))
        .hasMessageContaining("\"+-*\"");
    assertThatThrownBy(() -> new ArithmeticOptions(2, "++", 2, 10, 0))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> new ArithmeticOptions(0, "+", 2, 10, 0))
        .hasMessageContaining("digits");
    assertThatThrownBy(() -> new ArithmeticOptions(2, "+", 1, 10, 0)).hasMessageContaining("terms");
    assertThatThrownBy(() -> new ArithmeticOptions(2, "+", 2, 10, 0, 2, 3))
        .hasMessageContaining("min_digits must be from 1 to digits (2)");
  }
}
