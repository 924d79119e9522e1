package io.gvgap.api.model;

import io.gvgap.api.Stable;
import java.util.List;
import java.util.Objects;

/**
 * Samples wanted for one prompt.
 *
 * @param id identifies the request in the results and seeds its samples' random streams
 * @param prompt the full prompt text
 * @param firstSampleIndex index of the first sample wanted (a resumed run asks only for the rest)
 * @param count how many samples, with indices {@code firstSampleIndex .. firstSampleIndex+count-1}
 * @param stop sequences that end a completion, never null
 */
@Stable
public record GenerationRequest(
    String id, String prompt, int firstSampleIndex, int count, List<String> stop) {
  /** Validates and copies the fields. */
  public GenerationRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(prompt, "prompt");
    if (firstSampleIndex < 0 || count < 1) {
      throw new IllegalArgumentException(
          "need firstSampleIndex >= 0 and count >= 1, got " + firstSampleIndex + ", " + count);
    }
    stop = List.copyOf(stop == null ? List.of() : stop);
  }
}
