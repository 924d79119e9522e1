package io.gvgap.core.options;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value gvgap's own option deserializers reject, with the problem already in a user's words;
 * Jackson adds the field path as the exception travels up.
 */
final class OptionValueException extends JsonMappingException {
  private static final long serialVersionUID = 1L;

  private final String problem;

  OptionValueException(JsonParser parser, String problem) {
    super(parser, problem);
    this.problem = problem;
  }

  String problem() {
    return problem;
  }
}
