package io.gvgap.tasks.arithmetic;

import java.math.BigInteger;
import java.util.List;

/**
 * Writes what a careful judge checks in a solution: each operation in turn, up to the first slip.
 * Two forms: {@link #check}, the compact one of pairwise judgements, and {@link #rederive}, the one
 * of chain-of-thought judgements, which works each operation out before it compares.
 */
final class ArithmeticJudge {

  private ArithmeticJudge() {}

  /** The check of a written solution: "47+85=132 is right. 132-23 is 109, not 119, so 119 is wrong." */
  static String check(SolutionWriter.Solution solution) {
    StringBuilder check = new StringBuilder();
    for (SolutionWriter.Step step : solution.steps()) {
      BigInteger correct = step.correct();
      if (!correct.equals(step.written())) {
        return check
            .append(step.text())
            .append(" is ")
            .append(correct)
            .append(", not ")
            .append(step.written())
            .append(", so the answer ")
            .append(solution.answer())
            .append(" is wrong.")
            .toString();
      }
      check.append(step.text()).append('=').append(correct).append(" is right. ");
    }
    return check
        .append("The answer ")
        .append(solution.answer())
        .append(" follows.")
        .toString();
  }

  /**
   * The chain-of-thought check of a written solution: each operation worked out again column by
   * column (the task's own solution layout), then its result compared with the solution's, up to the
   * first difference. A right and a wrong solution of one problem get the same text up to the number
   * being compared, so a judge that learns this writes its verdict after the computation, not before
   * (the compact {@link #check} parts "47+85=132 is right" from "47+85 is 132, not 133" at the token
   * after the expression, which commits to a verdict before any work).
   */
  static String rederive(SolutionWriter.Solution solution) {
    StringBuilder check = new StringBuilder();
    for (SolutionWriter.Step step : solution.steps()) {
      String work = SolutionWriter.write(
              new ArithmeticProblem(List.of(step.left(), step.right()), List.of(step.operation())))
          .text();
      check.append(work, 0, work.lastIndexOf("Answer: "));
      check.append("The solution has ").append(step.written());
      if (!step.correct().equals(step.written())) {
        return check
            .append(": wrong, so the answer ")
            .append(solution.answer())
            .append(" is wrong.")
            .toString();
      }
      check.append(": right.\n");
    }
    return check
        .append("The answer ")
        .append(solution.answer())
        .append(" follows.")
        .toString();
  }
}
