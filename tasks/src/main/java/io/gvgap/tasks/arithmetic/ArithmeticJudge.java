package io.gvgap.tasks.arithmetic;

import java.math.BigInteger;

/** Writes what a careful judge checks in a solution: each operation in turn, up to the first slip. */
final class ArithmeticJudge {

  private ArithmeticJudge() {
  }

  /** The check of a written solution: "47+85=132 is right. 132-23 is 109, not 119, so 119 is wrong." */
  static String check(SolutionWriter.Solution solution) {
    StringBuilder check = new StringBuilder();
    for (SolutionWriter.Step step : solution.steps()) {
      BigInteger correct = step.correct();
      if (!correct.equals(step.written())) {
        return check.append(step.text()).append(" is ").append(correct).append(", not ").append(step.written())
            .append(", so the answer ").append(solution.answer()).append(" is wrong.").toString();
      }
      check.append(step.text()).append('=').append(correct).append(" is right. ");
    }
    return check.append("The answer ").append(solution.answer()).append(" follows.").toString();
  }
}
