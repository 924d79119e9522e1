package io.gvgap.core.openai;

/** A JSON document that does not have the OpenAI shape expected; the message names the field path. */
public final class OpenAiFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /**
   * Creates the error.
   *
   * @param field the field path ({@code n}, {@code prompt[0]}, {@code messages[1].role}), or empty for the
   *     whole document
   * @param problem what is wrong with it
   */
  public OpenAiFormatException(String field, String problem) {
    super(field.isEmpty() ? problem : "field '" + field + "': " + problem);
    this.field = field;
  }

  /** The field path, empty when the document as a whole is wrong (not JSON, not an object). */
  public String field() {
    return field;
  }
}
