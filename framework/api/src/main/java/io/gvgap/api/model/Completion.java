package io.gvgap.api.model;

import io.gvgap.api.Stable;
import java.util.Objects;

/**
 * One sampled completion.
 *
 * @param sampleIndex which sample of its request this is
 * @param text the completion text, stop sequence excluded
 * @param tokenCount number of generated tokens
 * @param logProb sum of the sampled tokens' log-probabilities under the model (NaN if unknown)
 * @param finishReason why generation ended
 */
@Stable
public record Completion(
    int sampleIndex, String text, int tokenCount, double logProb, FinishReason finishReason) {
  /** Validates the fields. */
  public Completion {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(finishReason, "finishReason");
  }
}
