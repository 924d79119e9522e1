package io.gvgap.api.verify;

import io.gvgap.api.Stable;
import io.gvgap.api.task.Answer;
import java.util.Objects;

/**
 * A sample as a verifier sees it.
 *
 * @param sampleIndex the sample's index within its example
 * @param text the completion
 * @param answer the answer the task extracted from it (possibly {@link Answer#none()})
 * @param logProb the generator's log-probability of the completion (NaN when unknown)
 * @param tokenCount the completion's length in tokens
 */
@Stable
public record Candidate(
    int sampleIndex, String text, Answer answer, double logProb, int tokenCount) {
  /** Validates the fields. */
  public Candidate {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(answer, "answer");
  }
}
