package io.gvgap.tasks.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The problems of one seed are spread over the whole operand range (a bug once gave 6 first operands). */
class ArithmeticProblemSpreadTest {

  @Test
  void oneSeedsProblemsUseManyDifferentFirstOperands() {
    ArithmeticOptions options = new ArithmeticOptions(2, "+-", 2, 500, 3);
    for (long seed : new long[] {0, 1, 42}) {
      Set<BigInteger> first = new HashSet<>();
      Set<String> problems = new HashSet<>();
      for (int i = 0; i < 500; i++) {
        ArithmeticProblem p = ArithmeticProblem.generate(options, seed, i);
        first.add(p.operands().get(0));
        problems.add(p.toString());
      }
      // 90 two-digit first operands; 500 uniform draws miss a given one with probability
      // (89/90)^500 < 0.004
      assertThat(first).as("seed " + seed).hasSizeGreaterThan(85);
      assertThat(problems).as("seed " + seed).hasSizeGreaterThan(450);
    }
  }
}
