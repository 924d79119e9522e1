package io.gvgap.remote;

/** A remote server refused or failed a request in a way retrying will not fix. */
public final class RemoteModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /**
   * Creates the error.
   *
   * @param status the HTTP status, or -1 when no response came
   * @param message what failed, where (URL) and what to do; never contains the API key
   */
  public RemoteModelException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status, or -1 when no response came. */
  public int status() {
    return status;
  }
}
