package io.gvgap.api.model;

import io.gvgap.api.Stable;
import java.util.List;
import java.util.Objects;

/**
 * The completions for one {@link GenerationRequest}.
 *
 * @param id the request's id
 * @param completions one per sample index asked for, each carrying its index
 */
@Stable
public record Generation(String id, List<Completion> completions) {
  /** Validates and copies the fields. */
  public Generation {
    Objects.requireNonNull(id, "id");
    completions = List.copyOf(completions);
  }
}
