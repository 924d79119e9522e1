package io.gvgap.tasks.arithmetic;

import java.util.Objects;

/**
 * One labelled verification text: a verification prompt and the judgement a perfect judge writes.
 *
 * @param style which verification format the prompt uses
 * @param prompt the prompt, exactly as the task's verification formats render it
 * @param target the judge's continuation (reasoning and verdict), to be learned
 * @param responseCorrect whether the judged response is correct (for pairwise: whether response A is)
 */
public record VerificationDocument(
    VerificationStyle style, String prompt, String target, boolean responseCorrect) {

  /** Validates the fields. */
  public VerificationDocument {
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(target, "target");
  }

  /** Prompt and target together: the training text. */
  public String text() {
    return prompt + target;
  }
}
