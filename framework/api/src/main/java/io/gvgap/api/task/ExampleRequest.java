package io.gvgap.api.task;

import io.gvgap.api.Stable;

/**
 * Which examples a run wants from a task.
 *
 * @param limit at most this many examples; {@code Integer.MAX_VALUE} for all
 * @param seed chooses the subset (and, for generated tasks, the problems) deterministically
 */
@Stable
public record ExampleRequest(int limit, long seed) {
  /** Validates the request. */
  public ExampleRequest {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }
}
