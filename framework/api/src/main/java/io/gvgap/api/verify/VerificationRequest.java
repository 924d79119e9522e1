package io.gvgap.api.verify;

import io.gvgap.api.Stable;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One example's samples, to be verified.
 *
 * @param task the task (its verification formats, and its utility for the oracle)
 * @param example the example
 * @param candidates the samples, each with its index and extracted answer
 * @param model the judging model: the generator itself in self-improvement, or another one
 * @param seed seeds any randomness of the verifier (verification sampling, pairings)
 * @param earlierScores the scores that the verifiers listed before this one in the spec gave these
 *     same candidates, by verifier label (what combining verifiers such as {@code ensemble} read);
 *     never null
 */
@Stable
public record VerificationRequest(
    Task task,
    Example example,
    List<Candidate> candidates,
    LanguageModel model,
    long seed,
    Map<String, List<Score>> earlierScores) {
  /** Validates and copies the fields. */
  public VerificationRequest {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(example, "example");
    candidates = List.copyOf(candidates);
    Map<String, List<Score>> copy = new LinkedHashMap<>();
    (earlierScores == null ? Map.<String, List<Score>>of() : earlierScores)
        .forEach((k, v) -> copy.put(k, List.copyOf(v)));
    earlierScores = Collections.unmodifiableMap(copy);
  }

  /** A request without earlier verifiers' scores. */
  public VerificationRequest(
      Task task, Example example, List<Candidate> candidates, LanguageModel model, long seed) {
    this(task, example, candidates, model, seed, Map.of());
  }
}
