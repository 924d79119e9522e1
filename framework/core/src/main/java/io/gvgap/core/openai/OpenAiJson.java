package io.gvgap.core.openai;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.List;

/** The one Jackson configuration for the OpenAI wire records, and reads that name the bad field. */
public final class OpenAiJson {
  private static final ObjectMapper MAPPER = create();

  private OpenAiJson() {}

  private static ObjectMapper create() {
    JsonMapper mapper = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    // a number or a boolean where text is expected is a client's mistake, not a string to guess
    // from
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  /** The mapper: snake_case names, strict scalars, unknown fields ignored. Thread-safe; do not reconfigure. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Binds a JSON document to a record.
   *
   * @throws OpenAiFormatException naming the field path when the text is not JSON or a field has the wrong type
   */
  public static <T> T read(String json, Class<T> type) {
    return read(MAPPER.readerFor(type), json);
  }

  /**
   * Binds a JSON document to a record, failing as soon as a string-or-list field ({@code prompt},
   * {@code stop}) has more than {@code maxListElements} elements, before the rest is read: a
   * server's bound on what one request may hold costs no more memory than the bound itself.
   *
   * @param beyondLimit what the error says after "has more than N elements; " (the limit's origin, what to do)
   * @throws OpenAiFormatException naming the field path
   */
  public static <T> T read(String json, Class<T> type, int maxListElements, String beyondLimit) {
    return read(
        MAPPER
            .readerFor(type)
            .withAttribute(MAX_LIST_ELEMENTS, maxListElements)
            .withAttribute(BEYOND_LIST_LIMIT, beyondLimit),
        json);
  }

  static final String MAX_LIST_ELEMENTS = "gvgap.openai.maxListElements";
  static final String BEYOND_LIST_LIMIT = "gvgap.openai.beyondListLimit";

  private static <T> T read(ObjectReader reader, String json) {
    try (JsonParser parser = reader.createParser(json)) {
      T value;
      try {
        value = reader.readValue(parser);
      } catch (JsonParseException e) {
        throw new OpenAiFormatException(
            "",
            "the body is not valid JSON: " + e.getOriginalMessage()
                + (e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")"));
      } catch (JsonMappingException e) {
        // translated while the parser still holds the offending value
        throw translate(e);
      }
      if (value == null) {
        throw new OpenAiFormatException("", "the body must be a JSON object, was null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new OpenAiFormatException("", e.getOriginalMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Writes a record as JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static OpenAiFormatException translate(JsonMappingException e) {
    String path = path(e.getPath());
    if (path.isEmpty()) {
      return new OpenAiFormatException("", "the body must be a JSON object");
    }
    return new OpenAiFormatException(path, problem(e));
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof InvalidFormatException invalid) {
      return "must be " + expected(invalid.getTargetType()) + ", was " + quote(invalid.getValue());
    }
    if (e.getCause() instanceof InputCoercionException coercion) {
      return "must be " + expected(coercion.getTargetType()) + ", was out of range";
    }
    if (e instanceof MismatchedInputException mismatch) {
      String original = e.getOriginalMessage();
      if (original != null
          && (original.startsWith("must be ") || original.startsWith("has more than "))) {
        return original;
      }
      return "must be " + expected(mismatch.getTargetType()) + actual(mismatch);
    }
    return e.getOriginalMessage();
  }

  /** ", was VALUE" from the parser's current token, short; empty when the parser is gone. */
  private static String actual(JsonMappingException e) {
    if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
      return "";
    }
    try {
      JsonToken t = p.currentToken();
      if (t.isScalarValue()) {
        String text = p.getText();
        text = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return ", was " + (t == JsonToken.VALUE_STRING ? "\"" + text + "\"" : text);
      }
      return ", was " + describe(t);
    } catch (IOException ignored) {
      return "";
    }
  }

  private static String quote(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
  }

  /** Jackson's path as {@code a.b[0].c}. */
  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** A JSON token as a user reads it. */
  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name().toLowerCase() : token.asString();
    };
  }
}
