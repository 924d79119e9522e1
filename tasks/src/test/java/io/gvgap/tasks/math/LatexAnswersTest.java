package io.gvgap.tasks.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written pairs of answers, each with whether a grader of MATH would accept one for the other. */
class LatexAnswersTest {

  static Stream<Arguments> equivalentPairs() {
    return Stream.of(
        arguments("\\frac{1}{2}", "\\dfrac{1}{2}"),
        arguments("\\frac{1}{2}", "\\tfrac{1}{2}"),
        arguments("\\frac{1}{2}", "\\frac12"),
        arguments("\\frac{1}{2}", "0.5"),
        arguments("\\frac{1}{2}", ".5"),
        arguments("\\frac{1}{2}", "1/2"),
        arguments("\\frac{2}{4}", "\\frac{1}{2}"),
        arguments("-\\frac{3}{2}", "\\frac{-3}{2}"),
        arguments("-\\frac{3}{2}", "-1.5"),
        arguments("\\frac{3}{-2}", "-1.5"),
        arguments("\\frac{1}{3}", "\\frac{2}{6}"),
        arguments("5", "5.0"),
        arguments("5", "5.000"),
        arguments("5", "+5"),
        arguments("5", "x = 5"),
        arguments("5", "$5$"),
        arguments("5", "5."),
        arguments("5", " 5 "),
        arguments("0", "-0"),
        arguments("0", "0.0"),
        arguments("1000", "1,000"),
        arguments("1234", "1,\\!234"),
        arguments("1000000", "1,000,000"),
        arguments("60", "60^\\circ"),
        arguments("60", "60^{\\circ}"),
        arguments("25", "25\\%"),
        arguments("12", "12\\text{ square units}"),
        arguments("12", "12 \\mbox{ cm}"),
        arguments("(2,3)", "\\left(2, 3\\right)"),
        arguments("(2,3)", "( 2 , 3 )"),
        arguments("[1,5)", "\\left[1,5\\right)"),
        arguments("5\\sqrt{2}", "5\\sqrt2"),
        arguments("5\\sqrt{2}", "5 \\sqrt{2}"),
        arguments("\\text{(A)}", "(A)"),
        arguments("\\text{Monday}", "Monday"),
        arguments("\\frac{\\sqrt{3}}{2}", "\\dfrac{\\sqrt{3}}{2}"),
        arguments("2\\pi", "2 \\pi"),
        arguments("x^2+1", "x^2 + 1"),
        arguments("3\\!\\cdot\\!4", "3\\cdot4"),
        arguments("\\frac{7}{4}", "1.75"));
  }

  static Stream<Arguments> differentPairs() {
    return Stream.of(
        arguments("\\frac{1}{2}", "\\frac{2}{1}"),
        arguments("\\frac{1}{3}", "0.333"),
        arguments("5", "-5"),
        arguments("5", "50"),
        arguments("(2,3)", "(3,2)"),
        arguments("(1,5)", "[1,5)"),
        arguments("5\\sqrt{2}", "5\\sqrt{3}"),
        arguments("\\frac{1}{0}", "0"),
        arguments("12", "1,2"),
        arguments("x^2+1", "x^2-1"));
  }

  @ParameterizedTest(name = "{0} == {1}")
  @MethodSource("equivalentPairs")
  void equivalent(String a, String b) {
    assertThat(LatexAnswers.equivalent(a, b)).isTrue();
    assertThat(LatexAnswers.equivalent(b, a)).isTrue();
  }

  @ParameterizedTest(name = "{0} != {1}")
  @MethodSource("differentPairs")
  void notEquivalent(String a, String b) {
    assertThat(LatexAnswers.equivalent(a, b)).isFalse();
  }

  static Stream<Arguments> canonicalForms() {
    return Stream.of(
        arguments("\\dfrac{6}{8}", "3/4"),
        arguments("-0.25", "-1/4"),
        arguments("\\left( \\frac{1}{2}, 3 \\right)", "(\\frac{1}{2},3)"),
        arguments("1,000.50", "2001/2"),
        arguments("\\text{ even }", "even"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("canonicalForms")
  void canonicalForm(String latex, String expected) {
    assertThat(LatexAnswers.canonical(latex)).isEqualTo(expected);
  }
}
