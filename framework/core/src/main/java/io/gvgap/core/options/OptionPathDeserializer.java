package io.gvgap.core.options;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A {@code Path} option: a non-empty string read with {@link Path#of}, never as a URI. */
final class OptionPathDeserializer extends StdScalarDeserializer<Path> {
  private static final long serialVersionUID = 1L;

  OptionPathDeserializer() {
    super(Path.class);
  }

  @Override
  public Path deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING) || parser.getText().isEmpty()) {
      return (Path) context.handleUnexpectedToken(Path.class, parser);
    }
    try {
      return Path.of(parser.getText());
    } catch (InvalidPathException e) {
      throw new OptionValueException(parser, "not a valid path: " + e.getMessage());
    }
  }
}
