package io.gvgap.tasks.math;

import io.gvgap.tasks.common.JudgedExample;
import java.util.List;

/** Hand-written exemplars in the MATH style (LaTeX, final answer boxed); none is from the MATH data set. */
final class MathExemplars {

  /** A worked problem: problem and solution. */
  record Solved(String problem, String solution) {}

  static final List<Solved> SOLVED = List.of(
      new Solved(
          "What is $\\frac{1}{2} + \\frac{1}{3}$?",
          "With the common denominator 6, $\\frac{1}{2} + \\frac{1}{3} = \\frac{3}{6} + \\frac{2}{6} = \\frac{5}{6}$."
              + " The answer is $\\boxed{\\frac{5}{6}}$."),
      new Solved(
          "Solve for $x$: $3x - 7 = 11$.",
          "Adding 7 to both sides gives $3x = 18$, so $x = \\boxed{6}$."),
      new Solved(
          "What is the degree measure of each interior angle of a regular hexagon?",
          "The interior angles of a hexagon sum to $(6-2) \\cdot 180^\\circ = 720^\\circ$, so each is"
              + " $720^\\circ / 6 = \\boxed{120^\\circ}$."),
      new Solved(
          "Find the distance between the points $(1, 2)$ and $(4, 6)$.",
          "The distance is $\\sqrt{(4-1)^2 + (6-2)^2} = \\sqrt{9 + 16} = \\boxed{5}$."));

  static final List<JudgedExample> JUDGED = List.of(
      new JudgedExample(
          "What is $2^5 - 5^2$?",
          "$2^5 = 32$ and $5^2 = 25$, so $2^5 - 5^2 = 32 - 25 = \\boxed{7}$.",
          "$2^5 = 32$ and $5^2 = 25$ are right, and $32 - 25 = 7$. The boxed answer 7 follows.",
          9,
          "$2^5 = 10$ and $5^2 = 25$, so $2^5 - 5^2 = 10 - 25 = \\boxed{-15}$.",
          "$2^5$ is $2 \\cdot 2 \\cdot 2 \\cdot 2 \\cdot 2 = 32$, not $2 \\cdot 5 = 10$. The answer is $32 - 25 = 7$.",
          2),
      new JudgedExample(
          "Simplify $\\frac{12}{18}$.",
          "The greatest common divisor of 12 and 18 is 6, so $\\frac{12}{18} = \\boxed{\\frac{2}{3}}$.",
          "$12 = 6 \\cdot 2$ and $18 = 6 \\cdot 3$, so the fraction is $\\frac{2}{3}$ in lowest terms.",
          9,
          "Dividing 12 and 18 by 4 gives $\\boxed{\\frac{3}{4}}$.",
          "4 does not divide 18. The greatest common divisor is 6, giving $\\frac{2}{3}$, not $\\frac{3}{4}$.",
          2));

  private MathExemplars() {}
}
