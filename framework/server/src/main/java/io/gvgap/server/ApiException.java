package io.gvgap.server;

/**
 * A request the server answers with an OpenAI-shaped error body
 * {@code {"error": {"message": ..., "type": ...}}} and an HTTP status.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String type;

  /**
   * Creates the error.
   *
   * @param status HTTP status (400, 401, 404, 405, 500)
   * @param type OpenAI error type ({@code invalid_request_error}, {@code authentication_error},
   *     {@code not_found_error}, {@code server_error})
   * @param message what was wrong and what to do; never contains secrets
   */
  public ApiException(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  /** A 400 about one request field. */
  public static ApiException badField(String field, String problem) {
    return new ApiException(400, "invalid_request_error", "field '" + field + "': " + problem);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The OpenAI error type. */
  public String type() {
    return type;
  }
}
