package io.gvgap.api.task;

import io.gvgap.api.Stable;
import java.util.Map;
import java.util.Objects;

/**
 * One problem of a task.
 *
 * @param id unique within the task and stable across runs (a data line number, a generator index)
 * @param question the problem statement as a user would read it
 * @param reference the reference answer or solution, shown in reports; never shown to the model
 * @param metadata task-specific fields (aliases, difficulty), never null
 */
@Stable
public record Example(String id, String question, String reference, Map<String, String> metadata) {
  /** Validates and copies the fields. */
  public Example {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(reference, "reference");
    metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
  }

  /** An example without metadata. */
  public Example(String id, String question, String reference) {
    this(id, question, reference, Map.of());
  }
}
