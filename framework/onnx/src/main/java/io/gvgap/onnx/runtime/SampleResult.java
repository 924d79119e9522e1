package io.gvgap.onnx.runtime;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import java.util.Objects;

/**
 * One generated sample with its token ids (what {@link Completion} leaves out).
 *
 * @param requestId the request's id
 * @param sampleIndex the sample's index within its request
 * @param text the completion text: special tokens and any stop sequence (and what follows it) excluded
 * @param tokenIds every generated id, the end-of-sequence id included when it ended the sample
 * @param logProb sum of the generated ids' log-probabilities under the model (temperature 1)
 * @param finishReason why the sample ended
 */
public record SampleResult(
    String requestId,
    int sampleIndex,
    String text,
    long[] tokenIds,
    double logProb,
    FinishReason finishReason) {
  /** Validates the fields. */
  public SampleResult {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(finishReason, "finishReason");
    tokenIds = tokenIds.clone();
  }

  /** The API record for this sample. */
  public Completion toCompletion() {
    return new Completion(sampleIndex, text, tokenIds.length, logProb, finishReason);
  }
}
