package io.gvgap.core.store;

/** A run directory is missing, damaged, or belongs to another run; the message says what to do. */
public class RunStoreException extends RuntimeException {
  /** Creates the exception with a message a user can act on. */
  public RunStoreException(String message) {
    super(message);
  }

  /** Creates the exception with a message a user can act on and its cause. */
  public RunStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
