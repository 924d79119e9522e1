package io.gvgap.api.task;

import io.gvgap.api.Stable;

/**
 * The prompts a verifier uses for one task domain. A task returns its own (few-shot examples of
 * its domain make small models much better judges) or {@link DefaultVerificationFormats}.
 *
 * <p>Each method receives the example and the response(s) to judge and returns the full prompt.
 */
@Stable
public interface VerificationFormats {

  /**
   * Multiple-choice verification: the prompt ends right before the verdict word, so that the next
   * token is {@link #correctWord()} or {@link #incorrectWord()}.
   */
  String multipleChoice(Example example, String response);

  /** CoT-Binary: the model reasons, then ends with a line {@code Verdict: correct|incorrect}. */
  String cotBinary(Example example, String response);

  /** CoT-Score: the model reasons, then ends with a line {@code Score: N} with N from 1 to 10. */
  String cotScore(Example example, String response);

  /** Pairwise comparison: the model reasons, then ends with a line {@code Better: A|B}. */
  String pairwise(Example example, String responseA, String responseB);

  /** The continuation read as "correct" in multiple-choice verification. */
  default String correctWord() {
    return " Correct";
  }

  /** The continuation read as "incorrect" in multiple-choice verification. */
  default String incorrectWord() {
    return " Incorrect";
  }
}
