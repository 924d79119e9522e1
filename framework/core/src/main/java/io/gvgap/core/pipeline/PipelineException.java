package io.gvgap.core.pipeline;

/** A run cannot go on: a plugin broke its contract or the input is unusable. The message says which. */
public class PipelineException extends RuntimeException {
  /** Creates the exception with a message a user can act on. */
  public PipelineException(String message) {
    super(message);
  }

  /** Creates the exception with a message a user can act on and its cause. */
  public PipelineException(String message, Throwable cause) {
    super(message, cause);
  }
}
