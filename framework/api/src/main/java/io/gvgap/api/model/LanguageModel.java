package io.gvgap.api.model;

import io.gvgap.api.Stable;
import java.util.List;

/**
 * An open language model. Implementations batch internally; callers pass many requests at once.
 *
 * <p>Determinism contract: the completion for sample {@code i} of request {@code id} depends only
 * on the prompt, the sampling parameters (seed included), {@code id} and {@code i}; never on which
 * other requests share the call or on batch size.
 */
@Stable
public interface LanguageModel extends AutoCloseable {

  /**
   * Samples completions. Each result carries the id of its request; results may come back in any
   * order, each request exactly once.
   */
  List<Generation> generate(List<GenerationRequest> requests, SamplingParams params);

  /**
   * Log-probabilities of continuations after a context (the sum over the continuation's tokens).
   * Each result carries the id of its request.
   *
   * @throws UnsupportedOperationException with a clear message when the backend cannot score (a
   *     remote server that gives no log-probabilities)
   */
  List<ScoringResult> score(List<ScoringRequest> requests);

  /** What the model is (name, size, context length). */
  ModelInfo info();

  /** Releases the model's native resources; never throws a checked exception. */
  @Override
  void close();
}
