package io.gvgap.core.input;

/** An input file gvgap cannot use; the message names the file, line, column and field. */
public class InputFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient InputError error;

  /** Creates the exception from a described error, keeping the cause. */
  public InputFileException(InputError error, Throwable cause) {
    super(error.render(), cause);
    this.error = error;
  }

  /** Where and what. */
  public InputError error() {
    return error;
  }
}
