package io.gvgap.tasks.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finding the final boxed answer in hand-written solutions. */
class BoxedAnswersTest {

  static Stream<Arguments> solutions() {
    return Stream.of(
        arguments("so $x = \\boxed{6}$.", "6"),
        arguments("$\\boxed{\\frac{5}{6}}$", "\\frac{5}{6}"),
        arguments(
            "nested $\\boxed{\\frac{\\sqrt{2}}{\\left(1+\\sqrt{3}\\right)}}$ done",
            "\\frac{\\sqrt{2}}{\\left(1+\\sqrt{3}\\right)}"),
        arguments("first \\boxed{1} then corrected to \\boxed{2}", "2"),
        arguments("the set $\\boxed{\\{1, 2\\}}$", "\\{1, 2\\}"),
        arguments("so it is $\\boxed 5$.", "5"),
        arguments("\\fbox{42}", "42"),
        arguments("\\boxed{ 7 }", " 7 "),
        arguments(
            "Final Answer: The final answer is $\\frac{1}{2}$. I hope it is correct.",
            "\\frac{1}{2}"),
        arguments("The final answer is 12", "12"),
        // a box left open after a closed one (a completion cut off mid-answer) does not discard the
        // answer
        arguments("so $\\boxed{\\frac{5}{2}}$. Checking: \\boxed{", "\\frac{5}{2}"),
        arguments("\\boxed{7} and again \\boxed{7", "7"),
        arguments("\\boxed{1} then \\boxed{\\frac{1}{2} and \\boxed{3}", "3"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("solutions")
  void findsTheFinalAnswer(String solution, String expected) {
    assertThat(BoxedAnswers.find(solution)).contains(expected);
  }

  @Test
  void findsNothingWithoutAClosedBox() {
    assertThat(BoxedAnswers.find("the answer is 5")).isEmpty();
    assertThat(BoxedAnswers.find("so $\\boxed{\\frac{1}{2}$")).isEmpty();
    assertThat(BoxedAnswers.find("\\boxed")).isEmpty();
    assertThat(BoxedAnswers.find("\\boxedx{3}")).isEmpty();
  }
}
