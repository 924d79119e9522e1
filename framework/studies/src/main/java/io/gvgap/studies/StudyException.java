package io.gvgap.studies;

/** A study cannot go on: its spec does not fit the study, or a stage's output is unusable. */
public class StudyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message that says what was wrong and what to do. */
  public StudyException(String message) {
    super(message);
  }

  /** An error caused by another. */
  public StudyException(String message, Throwable cause) {
    super(message, cause);
  }
}
