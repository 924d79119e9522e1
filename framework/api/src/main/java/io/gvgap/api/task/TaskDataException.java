package io.gvgap.api.task;

import io.gvgap.api.Stable;

/** A task's data could not be read; the message says what, where (file, line, field) and what to do. */
@Stable
public class TaskDataException extends RuntimeException {
  /** Creates the exception with a message a user can act on. */
  public TaskDataException(String message) {
    super(message);
  }

  /** Creates the exception with a message a user can act on and its cause. */
  public TaskDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
