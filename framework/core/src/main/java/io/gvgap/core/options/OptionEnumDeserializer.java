package io.gvgap.core.options;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.Locale;

/** An enum option spelled as in a spec: {@code best-of-n} (any case, '-' or '_') for {@code BEST_OF_N}. */
final class OptionEnumDeserializer extends StdScalarDeserializer<Object> {
  private static final long serialVersionUID = 1L;

  private final Class<?> enumType;

  OptionEnumDeserializer(Class<?> enumType) {
    super(enumType);
    this.enumType = enumType;
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return context.handleUnexpectedToken(enumType, parser);
    }
    String given = parser.getText();
    String wanted = given.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Object constant : enumType.getEnumConstants()) {
      if (((Enum<?>) constant).name().equalsIgnoreCase(wanted)) {
        return constant;
      }
    }
    throw InvalidFormatException.from(
        parser, "not one of " + OptionTypes.enumValues(enumType), given, enumType);
  }
}
