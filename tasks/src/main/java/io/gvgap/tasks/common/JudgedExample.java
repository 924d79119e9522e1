package io.gvgap.tasks.common;

import java.util.Objects;

/**
 * A few-shot verification exemplar: one question with a correct and a wrong response, each with the
 * check a careful judge would write and the score it would give.
 *
 * @param question the problem
 * @param correctResponse a response whose final answer is right
 * @param correctCheck the judge's reasoning about the correct response
 * @param correctScore the CoT-Score (1 to 10) the judge gives the correct response
 * @param wrongResponse a response whose final answer is wrong
 * @param wrongCheck the judge's reasoning about the wrong response, naming the error
 * @param wrongScore the CoT-Score (1 to 10) the judge gives the wrong response
 */
public record JudgedExample(
    String question,
    String correctResponse,
    String correctCheck,
    int correctScore,
    String wrongResponse,
    String wrongCheck,
    int wrongScore) {

  /** Validates the fields. */
  public JudgedExample {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(correctResponse, "correctResponse");
    Objects.requireNonNull(correctCheck, "correctCheck");
    Objects.requireNonNull(wrongResponse, "wrongResponse");
    Objects.requireNonNull(wrongCheck, "wrongCheck");
    if (correctScore < 1 || correctScore > 10 || wrongScore < 1 || wrongScore > 10) {
      throw new IllegalArgumentException(
          "scores must be from 1 to 10, were " + correctScore + " and " + wrongScore);
    }
    if (wrongScore >= correctScore) {
      throw new IllegalArgumentException("the wrong response must score below the correct one");
    }
  }
}
