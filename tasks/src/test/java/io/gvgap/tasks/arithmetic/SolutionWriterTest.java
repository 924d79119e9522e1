package io.gvgap.tasks.arithmetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Solutions worked by hand, and every generated answer against an independent evaluator. */
class SolutionWriterTest {

  private static ArithmeticProblem of(String expression) {
    List<BigInteger> operands = new ArrayList<>();
    List<Character> operations = new ArrayList<>();
    for (String part : expression.split("(?<=\\d)(?=[-+*])|(?<=[-+*])(?=\\d)")) {
      if (part.matches("\\d+")) {
        operands.add(new BigInteger(part));
      } else {
        operations.add(part.charAt(0));
      }
    }
    return new ArithmeticProblem(operands, operations);
  }

  @Test
  void additionWithCarries() {
    // by hand: 7+5=12 write 2 carry 1; 4+8+1=13 write 3 carry 1; final carry 1 -> 132
    assertThat(SolutionWriter.write(of("47+85")).text()).isEqualTo("""
        47+85:
        7+5+0=12 write 2 carry 1
        4+8+1=13 write 3 carry 1
        write 1
        47+85=132
        Answer: 132""");
  }

  @Test
  void subtractionWithANegativeResult() {
    // by hand: 47-85 = -(85-47); 5-7 borrows: 15-7=8; 8-1-4=3 -> 38, negated
    assertThat(SolutionWriter.write(of("47-85")).text()).isEqualTo("""
        47-85:
        = -(85-47)
        15-0-7=8 write 8 borrow 1
        8-1-4=3 write 3 borrow 0
        47-85=-38
        Answer: -38""");
  }

  @Test
  void longMultiplication() {
    // by hand: 12*4=48, 12*3=36 shifted to 360, 48+360=408 = 12*34
    assertThat(SolutionWriter.write(of("12*34")).text()).isEqualTo("""
        12*34:
        2*4+0=8 write 8 carry 0
        1*4+0=4 write 4 carry 0
        12*4=48
        2*3+0=6 write 6 carry 0
        1*3+0=3 write 3 carry 0
        12*3=36
        shift 1: 360
        48+360:
        8+0+0=8 write 8 carry 0
        4+6+0=10 write 0 carry 1
        0+3+1=4 write 4 carry 0
        12*34=408
        Answer: 408""");
  }

  @Test
  void multiplicationFirstThenLeftToRight() {
    // by hand: 3*4=12 first, then 2+12=14, then 14-20=-6
    SolutionWriter.Solution solution = SolutionWriter.write(of("2+3*4-20"));
    assertThat(solution.text()).isEqualTo("""
        3*4:
        3*4+0=12 write 2 carry 1
        write 1
        3*4=12
        = 2+12-20
        2+12:
        2+2+0=4 write 4 carry 0
        0+1+0=1 write 1 carry 0
        2+12=14
        = 14-20
        14-20:
        = -(20-14)
        10-0-4=6 write 6 borrow 1
        2-1-1=0 write 0 borrow 0
        14-20=-6
        Answer: -6""");
    assertThat(solution.answer()).isEqualTo(BigInteger.valueOf(-6));
  }

  @Test
  void negativeRunningValues() {
    // by hand: 5-9=-4; -4-7 = -(4+7) = -11; -11+30 = (30-11) = 19
    assertThat(SolutionWriter.write(of("5-9-7+30")).answer()).isEqualTo(BigInteger.valueOf(19));
    assertThat(SolutionWriter.write(of("5-9-7+30")).text())
        .contains("-4-7:\n= -(4+7)\n", "-11+30:\n= (30-11)\n");
    // -11+5 = -(11-5) = -6
    assertThat(SolutionWriter.write(of("1-12+5")).text())
        .contains("-11+5:\n= -(11-5)\n")
        .endsWith("Answer: -6");
  }

  /** Independent evaluation: the sum of signed product terms, computed with BigInteger directly. */
  private static BigInteger evaluate(ArithmeticProblem problem) {
    BigInteger total = BigInteger.ZERO;
    BigInteger term = problem.operands().get(0);
    int sign = 1;
    for (int i = 0; i < problem.operations().size(); i++) {
      char op = problem.operations().get(i);
      BigInteger next = problem.operands().get(i + 1);
      if (op == '*') {
        term = term.multiply(next);
      } else {
        total = total.add(sign > 0 ? term : term.negate());
        sign = op == '+' ? 1 : -1;
        term = next;
      }
    }
    return total.add(sign > 0 ? term : term.negate());
  }

  @Test
  void everyGeneratedAnswerMatchesAnIndependentEvaluatorAndEverySlipMakesItWrong() {
    Random random = new Random(5);
    for (int i = 0; i < 3000; i++) {
      ArithmeticOptions options =
          new ArithmeticOptions(1 + random.nextInt(4), "+-*", 2 + random.nextInt(5), 10, 0);
      ArithmeticProblem problem = ArithmeticProblem.generate(options, random.nextLong(), i);
      SolutionWriter.Solution solution = SolutionWriter.write(problem);
      assertThat(solution.answer()).as(problem.expression()).isEqualTo(evaluate(problem));
      assertThat(ArithmeticJudge.check(solution))
          .endsWith("The answer " + solution.answer() + " follows.");
      SolutionWriter.Solution slipped = SolutionWriter.writeWithSlip(
          problem,
          new SolutionWriter.Slip(random.nextInt(solution.columns()), random.nextBoolean()));
      assertThat(slipped.answer())
          .as("slipped %s", problem.expression())
          .isNotEqualTo(solution.answer());
      assertThat(ArithmeticJudge.check(slipped))
          .endsWith("so the answer " + slipped.answer() + " is wrong.");
      String rightCheck = ArithmeticJudge.rederive(solution);
      String wrongCheck = ArithmeticJudge.rederive(slipped);
      assertThat(rightCheck).endsWith("The answer " + solution.answer() + " follows.");
      assertThat(wrongCheck).endsWith("so the answer " + slipped.answer() + " is wrong.");
      // the verdict comes after the work: both checks agree up to the first step whose written
      // result differs
      int firstSlip = 0;
      while (slipped
          .steps()
          .get(firstSlip)
          .correct()
          .equals(slipped.steps().get(firstSlip).written())) {
        firstSlip++;
      }
      if (firstSlip == 0) {
        String shared = rightCheck.substring(
            0, rightCheck.indexOf("The solution has ") + "The solution has ".length());
        assertThat(wrongCheck).as(problem.expression()).startsWith(shared);
      }
    }
  }

  @Test
  void theChainOfThoughtCheckWorksTheOperationOutBeforeComparing() {
    SolutionWriter.Solution right = SolutionWriter.write(of("47+85"));
    SolutionWriter.Solution slipped =
        SolutionWriter.writeWithSlip(of("47+85"), new SolutionWriter.Slip(0, true));
    String work =
        "47+85:\n7+5+0=12 write 2 carry 1\n4+8+1=13 write 3 carry 1\nwrite 1\n47+85=132\n";
    assertThat(ArithmeticJudge.rederive(right))
        .isEqualTo(work + "The solution has 132: right.\nThe answer 132 follows.");
    assertThat(ArithmeticJudge.rederive(slipped))
        .isEqualTo(work + "The solution has 133: wrong, so the answer 133 is wrong.");
  }

  @Test
  void aSlipChangesOneColumnAndTheCheckNamesIt() {
    // the first column 7+5+0=12 slipped one too high: 13, write 3 -> 133
    SolutionWriter.Solution slipped =
        SolutionWriter.writeWithSlip(of("47+85"), new SolutionWriter.Slip(0, true));
    assertThat(slipped.text())
        .startsWith("47+85:\n7+5+0=13 write 3 carry 1\n")
        .endsWith("Answer: 133");
    assertThat(ArithmeticJudge.check(slipped))
        .isEqualTo("47+85 is 132, not 133, so the answer 133 is wrong.");
  }
}
