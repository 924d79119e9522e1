package io.gvgap.tasks.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Equivalent forms of one answer that MATH graders accept, each checked both ways, and for each kind a
 * near miss that must be rejected: a wrong accept would inflate every accuracy and gap gvgap reports.
 */
class AnswerEquivalenceTest {

  private final AnswerEquivalence equivalence = new AnswerEquivalence();

  static Stream<Arguments> equivalentForms() {
    return Stream.of(
        // units, with and without a space inside the text, squared, and plain words
        arguments("12 \\text{cm}", "12"),
        arguments("12\\text{ cm}", "12"),
        arguments("8\\text{ cm}^2", "8"),
        arguments("8 \\text{cm}^{2}", "8"),
        arguments("12 cm", "12"),
        arguments("6 square units", "6"),
        arguments("2.5 \\text{ hours}", "\\frac{5}{2}"),
        // degrees and Unicode
        arguments("45°", "45"),
        arguments("45°", "45^\\circ"),
        arguments("−3", "-3"),
        arguments("π", "\\pi"),
        arguments("2π", "2\\pi"),
        arguments("\\frac{π}{2}", "\\frac{\\pi}{2}"),
        arguments("∞", "\\infty"),
        arguments("(−∞, 3]", "(-\\infty,3]"),
        arguments("√2", "\\sqrt{2}"),
        arguments("3√2", "\\sqrt{18}"),
        // solution sets in another order, with x =, with \pm, with "or"
        arguments("\\{1, 2\\}", "\\{2, 1\\}"),
        arguments("1, 2", "2, 1"),
        arguments("-2, 3", "3, -2"),
        arguments("x = 1, x = 2", "2, 1"),
        arguments("1 \\text{ or } 2", "2, 1"),
        arguments("3 \\pm \\sqrt{2}", "3+\\sqrt{2}, 3-\\sqrt{2}"),
        arguments("3-\\sqrt2, 3+\\sqrt2", "3\\pm\\sqrt{2}"),
        arguments("\\pm 3", "3, -3"),
        arguments("\\frac{-1 \\pm \\sqrt{5}}{2}", "\\frac{-1-\\sqrt5}{2}, \\frac{-1+\\sqrt5}{2}"),
        arguments("2 \\mp i", "2+i, 2-i"),
        arguments("\\{-\\frac{1}{2}, 2\\}", "2, -0.5"),
        // mixed numbers
        arguments("2\\frac{1}{2}", "\\frac{5}{2}"),
        arguments("2\\frac12", "5/2"),
        arguments("2\\frac{1}{2}", "2.5"),
        arguments("-2\\frac{1}{2}", "-2.5"),
        arguments("2\\frac{1}{2} \\text{ hours}", "\\dfrac52"),
        // unsimplified radicals
        arguments("\\sqrt{12}", "2\\sqrt{3}"),
        arguments("\\sqrt{2}/2", "\\frac{\\sqrt{2}}{2}"),
        arguments("\\frac{1}{\\sqrt{2}}", "\\frac{\\sqrt2}{2}"),
        arguments("\\frac{\\sqrt{3}}{3}", "\\frac{1}{\\sqrt{3}}"),
        arguments("\\sqrt{\\frac{1}{4}}", "\\frac12"),
        arguments("4\\sqrt{18}", "12\\sqrt{2}"),
        // numbers written otherwise
        arguments("1{,}000", "1000"),
        arguments("10^3", "1000"),
        arguments("10^{3}", "1,000"),
        arguments("2^{10}", "1024"),
        arguments("1.5 \\times 10^3", "1500"),
        arguments("3 \\cdot 4", "12"),
        // tuples and intervals, in order
        arguments("(1.0,-2)", "(1,-2)"),
        arguments("(1, -2)", "\\left(1,-2\\right)"),
        arguments("(\\frac{1}{2}, 0.5)", "(0.5, \\frac12)"),
        arguments("(2\\sqrt3, 1)", "(\\sqrt{12}, 1)"),
        arguments("[1, 10^2)", "[1,100)"),
        // algebra
        arguments("x^2+2x+1", "(x+1)^2"),
        arguments("2(x+1)", "2x+2"),
        arguments("\\frac{x}{2}", "0.5x"),
        arguments("\\frac{\\pi}{4}", "0.25\\pi"));
  }

  static Stream<Arguments> nearMisses() {
    return Stream.of(
        arguments("12 \\text{cm}", "13"),
        arguments("8\\text{ cm}^2", "64"),
        arguments("12 cm", "120"),
        arguments("45°", "135"),
        arguments("−3", "3"),
        arguments("π", "3.14"),
        arguments("π", "3.14159265358979"),
        arguments("∞", "-\\infty"),
        arguments("\\infty", "1"),
        arguments("(−∞, 3]", "(-\\infty,3)"),
        arguments("\\{1, 2\\}", "\\{1, 3\\}"),
        arguments("\\{1, 2\\}", "\\{1, 2, 3\\}"),
        arguments("1, 2", "1"),
        arguments("1, 1", "1, 2"),
        arguments("3 \\pm \\sqrt{2}", "3+\\sqrt{2}"),
        arguments("3 \\pm \\sqrt{2}", "3+\\sqrt{2}, 3+\\sqrt{2}"),
        arguments("3 \\pm \\sqrt{2}", "-3 \\pm \\sqrt{2}"),
        arguments("\\pm 3", "3"),
        arguments("\\frac{-1 \\pm \\sqrt{5}}{2}", "\\frac{-1+\\sqrt5}{2}"),
        arguments("\\frac{-1 \\pm \\sqrt{5}}{2}", "\\frac{1 \\pm \\sqrt{5}}{2}"),
        arguments("2\\frac{1}{2}", "1"),
        arguments("2\\frac{1}{2}", "2"),
        arguments("2\\frac{1}{2}", "\\frac{5}{3}"),
        arguments("2\\frac{1}{2}", "2.05"),
        arguments("\\sqrt{12}", "3\\sqrt{2}"),
        arguments("\\sqrt{12}", "2\\sqrt{2}"),
        arguments("\\sqrt{2}/2", "\\sqrt{2}"),
        arguments("\\sqrt{2}/2", "0.707"),
        arguments("\\sqrt{2}/2", "\\frac{1}{2}"),
        arguments("1{,}000", "100"),
        arguments("1{,}000", "1,001"),
        arguments("10^3", "10^4"),
        arguments("10^3", "30"),
        arguments("10^3", "103"),
        arguments("(1.0,-2)", "(-2,1)"),
        arguments("(1.0,-2)", "(1,2)"),
        arguments("(1,-2)", "[1,-2]"),
        arguments("(1,-2)", "\\{1,-2\\}"),
        arguments("[1, 10^2)", "[1,100]"),
        arguments("x^2+2x+1", "(x-1)^2"),
        arguments("2x", "2y"),
        arguments("\\frac{1}{3}", "0.333"),
        arguments("\\sin 30", "0"),
        arguments("\\binom{5}{2}", "10 binom"),
        arguments("ab", "ba"),
        arguments("\\text{odd}", "\\text{dod}"),
        arguments("x = 5", "y"),
        arguments("(E)", "e"),
        arguments("e", "E"),
        arguments("i", "I"),
        arguments("x", "X"),
        arguments("", "0"));
  }

  @ParameterizedTest(name = "{0} == {1}")
  @MethodSource("equivalentForms")
  void acceptsEquivalentForms(String answer, String gold) {
    assertThat(equivalence.equivalent(answer, gold))
        .as("%s for gold %s", answer, gold)
        .isTrue();
    assertThat(equivalence.equivalent(gold, answer))
        .as("%s for gold %s", gold, answer)
        .isTrue();
  }

  @ParameterizedTest(name = "{0} != {1}")
  @MethodSource("nearMisses")
  void rejectsNearMisses(String answer, String gold) {
    assertThat(equivalence.equivalent(answer, gold))
        .as("%s for gold %s", answer, gold)
        .isFalse();
    assertThat(equivalence.equivalent(gold, answer))
        .as("%s for gold %s", gold, answer)
        .isFalse();
  }

  @Test
  void aRunawayComparisonStopsAtItsLimitAndTheNextOneStillWorks() {
    AnswerEquivalence quick = new AnswerEquivalence(Duration.ofMillis(300));
    assertThat(quick.equivalent("\\sqrt{12}", "2\\sqrt{3}"))
        .isTrue(); // Symja started outside the limit
    long before = SymbolicMath.timeouts();
    long start = System.nanoTime();
    // expanding both hundred-and-fiftieth powers takes Symja far longer than 300 ms
    assertThat(quick.equivalent("(x+1)^{150} - (x-1)^{150}", "(x+2)^{150} - (x-2)^{150}"))
        .isFalse();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(seconds).as("the comparison was stopped near its limit").isLessThan(5);
    assertThat(SymbolicMath.timeouts()).isGreaterThan(before);
    // the same runaway pair again: remembered, so it costs its limit only once
    long timeouts = SymbolicMath.timeouts();
    assertThat(quick.equivalent("(x+2)^{150} - (x-2)^{150}", "(x+1)^{150} - (x-1)^{150}"))
        .isFalse();
    assertThat(SymbolicMath.timeouts()).as("not run again").isEqualTo(timeouts);
    assertThat(quick.equivalent("10^3", "1000")).isTrue();
    assertThat(quick.equivalent("10^{10^{10}}", "10^{10^{10}}+1")).isFalse();
  }

  @Test
  void onlyTestedLatexReachesSymja() {
    assertThat(SymbolicMath.comparable("\\frac{\\sqrt{2}}{2}")).isTrue();
    assertThat(SymbolicMath.comparable("3\\pi x^2")).isTrue();
    assertThat(SymbolicMath.comparable("\\sin 30")).isFalse();
    assertThat(SymbolicMath.comparable("\\binom{5}{2}")).isFalse();
    assertThat(SymbolicMath.comparable("abc")).isFalse();
    assertThat(SymbolicMath.comparable("x=5")).isFalse();
    assertThat(SymbolicMath.comparable("x<5")).isFalse();
    assertThat(SymbolicMath.exactDecimals("2.5+.25"))
        .isEqualTo("(\\frac{25}{10})+(\\frac{025}{100})");
  }

  @Test
  void refusesANonPositiveLimit() {
    assertThatThrownBy(() -> new AnswerEquivalence(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
  }
}
