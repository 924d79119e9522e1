package io.gvgap.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of a JSON request body's fields; a wrong type or range is a 400 naming the field. */
final class RequestFields {
  private final JsonNode body;

  RequestFields(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiException(400, "invalid_request_error", "the request body must be a JSON object");
    }
    this.body = body;
  }

  JsonNode node(String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value;
  }

  String requiredString(String field) {
    JsonNode value = node(field);
    if (value == null) {
      throw ApiException.badField(field, "is required");
    }
    if (!value.isTextual()) {
      throw ApiException.badField(field, "must be a string, was " + value.getNodeType().toString().toLowerCase());
    }
    return value.asText();
  }

  int integer(String field, int defaultValue, int min, int max) {
    JsonNode value = node(field);
    if (value == null) {
      return defaultValue;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw ApiException.badField(field, "must be an integer, was " + value);
    }
    int v = value.intValue();
    if (v < min || v > max) {
      throw ApiException.badField(field, "must be in " + min + ".." + max + ", was " + v);
    }
    return v;
  }

  long longValue(String field, long defaultValue) {
    JsonNode value = node(field);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw ApiException.badField(field, "must be an integer, was " + value);
    }
    return value.longValue();
  }

  double number(String field, double defaultValue, double min, double max) {
    JsonNode value = node(field);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isNumber()) {
      throw ApiException.badField(field, "must be a number, was " + value);
    }
    double v = value.doubleValue();
    if (!(v >= min && v <= max)) {
      throw ApiException.badField(field, "must be in [" + min + ", " + max + "], was " + v);
    }
    return v;
  }

  boolean bool(String field, boolean defaultValue) {
    JsonNode value = node(field);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      throw ApiException.badField(field, "must be true or false, was " + value);
    }
    return value.booleanValue();
  }

  /** A string or a list of strings, as OpenAI's {@code prompt} and {@code stop} allow. */
  List<String> stringOrList(String field, boolean required) {
    JsonNode value = node(field);
    List<String> out = new ArrayList<>();
    if (value == null) {
      if (required) {
        throw ApiException.badField(field, "is required");
      }
      return out;
    }
    if (value.isTextual()) {
      out.add(value.asText());
      return out;
    }
    if (!value.isArray()) {
      throw ApiException.badField(field, "must be a string or a list of strings, was " + value.getNodeType()
          .toString().toLowerCase());
    }
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw ApiException.badField(field + "[" + i + "]", "must be a string (token-id prompts are not supported), "
            + "was " + value.get(i));
      }
      out.add(value.get(i).asText());
    }
    if (required && out.isEmpty()) {
      throw ApiException.badField(field, "must not be an empty list");
    }
    return out;
  }
}
