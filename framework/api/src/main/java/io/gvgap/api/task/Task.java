package io.gvgap.api.task;

import io.gvgap.api.Stable;
import java.util.List;

/**
 * A benchmark: examples, the prompt a generator sees, the final answer in a completion, the
 * ground-truth utility of that answer, and the prompt formats a verifier of this domain uses.
 *
 * <p>Implementations must be thread-safe: the pipeline calls {@link #extract} and {@link #utility}
 * from several threads.
 */
@Stable
public interface Task {

  /**
   * The examples of this task, at most {@code request.limit()} of them, chosen deterministically by
   * {@code request.seed()}: the same request returns the same examples in the same order. Example
   * ids are unique within the task.
   *
   * @throws TaskDataException when the task's data cannot be read; the message names the file, the
   *     line and what was expected
   */
  List<Example> examples(ExampleRequest request);

  /** The generation prompt (few-shot where the task uses it) for one example. */
  Prompt generationPrompt(Example example);

  /**
   * The final answer in a completion. Returns {@link Answer#none()} when no answer can be found:
   * "could not extract" is reported apart from "wrong".
   */
  Answer extract(Example example, String completion);

  /** Ground-truth utility of an answer in [0, 1]; 1 means correct. The model never sees it. */
  double utility(Example example, Answer answer);

  /** Prompt formats for verifiers of this task's domain. */
  VerificationFormats verification();
}
