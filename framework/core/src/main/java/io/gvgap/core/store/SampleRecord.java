package io.gvgap.core.store;

import java.util.Objects;

/**
 * One generated sample with its extracted answer and ground-truth utility, as stored in
 * {@code samples.jsonl}. Identified by (model, task, exampleId, sampleIndex); never matched by
 * position.
 *
 * @param model the generator's label from the spec
 * @param task the task's label from the spec
 * @param exampleId the example
 * @param sampleIndex 0-based index of the sample within its example
 * @param text the completion
 * @param tokenCount generated tokens
 * @param logProb the generator's log-probability of the completion (null when unknown)
 * @param finishReason why generation stopped
 * @param answer the extracted, normalised answer; null when none could be extracted
 * @param utility ground-truth utility in [0, 1]
 */
public record SampleRecord(
    String model,
    String task,
    String exampleId,
    int sampleIndex,
    String text,
    int tokenCount,
    Double logProb,
    String finishReason,
    String answer,
    double utility) {

  /** Validates the fields. */
  public SampleRecord {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(exampleId, "exampleId");
    Objects.requireNonNull(text, "text");
  }

  /** Whether the task could extract an answer from the completion. */
  public boolean answerFound() {
    return answer != null;
  }

  /** The key of this sample's example. */
  public ExampleKey exampleKey() {
    return new ExampleKey(model, task, exampleId);
  }
}
