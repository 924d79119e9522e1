package io.gvgap.core.openai;

/**
 * OpenAI's error body, {@code {"error": {"message": ..., "type": ...}}}.
 *
 * @param error what went wrong
 */
public record ErrorResponse(Detail error) {

  /**
   * The error itself.
   *
   * @param message what was wrong and what to do
   * @param type {@code invalid_request_error}, {@code authentication_error}, {@code not_found_error},
   *     {@code server_error}, ...
   */
  public record Detail(String message, String type) {}

  /** An error with this message and type. */
  public static ErrorResponse of(String message, String type) {
    return new ErrorResponse(new Detail(message, type));
  }
}
