package io.gvgap.core.store;

import java.util.List;

/**
 * One verifier's scores for all samples of one example, stored as one line of
 * {@code scores.jsonl} (one line per example, so a crash never leaves an example half-verified).
 *
 * @param model the generator's label
 * @param task the task's label
 * @param verifier the verifier's label
 * @param exampleId the example
 * @param scores one entry per sample, each carrying its sample index
 */
public record ScoreRecord(
    String model, String task, String verifier, String exampleId, List<SampleScore> scores) {

  /** Validates and copies the fields. */
  public ScoreRecord {
    scores = List.copyOf(scores);
  }

  /** The key of the scored example. */
  public ExampleKey exampleKey() {
    return new ExampleKey(model, task, exampleId);
  }
}
