package io.gvgap.api.verify;

import io.gvgap.api.Stable;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.Task;
import java.util.List;
import java.util.Objects;

/**
 * One example's samples, to be verified.
 *
 * @param task the task (its verification formats, and its utility for the oracle)
 * @param example the example
 * @param candidates the samples, each with its index and extracted answer
 * @param model the judging model: the generator itself in self-improvement, or another one
 * @param seed seeds any randomness of the verifier (verification sampling, pairings)
 */
@Stable
public record VerificationRequest(Task task, Example example, List<Candidate> candidates, LanguageModel model, long seed) {
  /** Validates and copies the fields. */
  public VerificationRequest {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(example, "example");
    candidates = List.copyOf(candidates);
  }
}
