package io.gvgap.onnx.runtime;

/** A model directory that cannot be opened: the message names the file and what to do. */
public final class ModelLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message naming the file and the fix. */
  public ModelLoadException(String message) {
    super(message);
  }

  /** With a message naming the file and the fix, and the underlying error. */
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
