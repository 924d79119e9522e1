package io.gvgap.api.task;

import io.gvgap.api.Stable;
import java.util.Objects;

/**
 * The final answer extracted from a completion, normalised by the task (so that two answers are
 * equal exactly when their {@code value}s are equal: majority vote relies on this).
 *
 * @param value the normalised answer, or null when none could be extracted
 */
@Stable
public record Answer(String value) {

  private static final Answer NONE = new Answer(null);

  /** An extracted answer. */
  public static Answer of(String value) {
    return new Answer(Objects.requireNonNull(value, "value"));
  }

  /** No answer could be extracted from the completion. */
  public static Answer none() {
    return NONE;
  }

  /** Whether an answer was extracted. */
  public boolean found() {
    return value != null;
  }
}
