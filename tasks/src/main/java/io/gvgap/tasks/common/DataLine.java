package io.gvgap.tasks.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.api.task.TaskDataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One JSON object read from a JSON Lines data file, with typed field access whose errors name the
 * file, the line, the field and the expected format.
 *
 * @param file the data file
 * @param lineNumber 1-based line number in the file
 * @param node the JSON object on that line
 * @param expected the expected line format, quoted in error messages
 */
public record DataLine(Path file, int lineNumber, JsonNode node, String expected) {

  /** Validates the fields. */
  public DataLine {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(expected, "expected");
  }

  /** The string value of a required field. */
  public String text(String field) {
    JsonNode value = require(field);
    if (!value.isTextual()) {
      throw error("field \"" + field + "\" must be a string, was " + describe(value));
    }
    return value.asText();
  }

  /** The values of a required, non-empty array of strings. */
  public List<String> texts(String field) {
    JsonNode value = require(field);
    if (!value.isArray() || value.isEmpty()) {
      throw error(
          "field \"" + field + "\" must be a non-empty array of strings, was " + describe(value));
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isTextual()) {
        throw error(
            "field \"" + field + "\" element " + i + " must be a string, was " + describe(element));
      }
      texts.add(element.asText());
    }
    return List.copyOf(texts);
  }

  private JsonNode require(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw error("missing field \"" + field + "\"");
    }
    return value;
  }

  /** An error about this line: where, what, and the format that was expected. */
  public TaskDataException error(String what) {
    return new TaskDataException(
        file + ", line " + lineNumber + ": " + what + ". Expected " + expected + ".");
  }

  private static String describe(JsonNode value) {
    String type = value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    String text = value.toString();
    return type + " " + (text.length() > 60 ? text.substring(0, 60) + "..." : text);
  }
}
