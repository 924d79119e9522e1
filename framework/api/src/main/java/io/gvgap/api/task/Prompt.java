package io.gvgap.api.task;

import io.gvgap.api.Stable;
import java.util.List;
import java.util.Objects;

/**
 * Text given to a generator.
 *
 * @param text the full prompt, few-shot examples included
 * @param stop sequences that end a completion (not included in it), never null
 */
@Stable
public record Prompt(String text, List<String> stop) {
  /** Validates and copies the fields. */
  public Prompt {
    Objects.requireNonNull(text, "text");
    stop = List.copyOf(stop == null ? List.of() : stop);
  }

  /** A prompt without stop sequences. */
  public Prompt(String text) {
    this(text, List.of());
  }
}
