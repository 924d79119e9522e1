package io.gvgap.api.model;

import io.gvgap.api.Stable;
import java.util.List;
import java.util.Objects;

/**
 * Continuations to score after one context.
 *
 * @param id identifies the request in the results
 * @param context the text before the continuations
 * @param continuations each is scored independently after the context
 */
@Stable
public record ScoringRequest(String id, String context, List<String> continuations) {
  /** Validates and copies the fields. */
  public ScoringRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(context, "context");
    continuations = List.copyOf(continuations);
    if (continuations.isEmpty()) {
      throw new IllegalArgumentException("a scoring request needs at least one continuation");
    }
  }
}
