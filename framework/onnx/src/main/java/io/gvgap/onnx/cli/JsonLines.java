package io.gvgap.onnx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Lines input, naming the line of any malformed record. */
final class JsonLines {
  static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /** One parsed record and its 1-based line number. */
  record Line(int number, JsonNode node) {
    String text(String field, String source) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual()) {
        throw new IllegalArgumentException(source + " line " + number + ": field '" + field
            + "' must be a string, was " + (value == null ? "missing" : value.getNodeType()));
      }
      return value.asText();
    }

    List<String> texts(String field, String source, boolean required) {
      JsonNode value = node.get(field);
      List<String> texts = new ArrayList<>();
      if (value == null && !required) {
        return texts;
      }
      if (value == null || !value.isArray()) {
        throw new IllegalArgumentException(
            source + " line " + number + ": field '" + field + "' must be an array of strings");
      }
      for (JsonNode element : value) {
        if (!element.isTextual()) {
          throw new IllegalArgumentException(source + " line " + number + ": field '" + field
              + "' must hold only strings, found " + element.getNodeType());
        }
        texts.add(element.asText());
      }
      return texts;
    }
  }

  /** All non-blank lines as JSON objects. */
  static List<Line> read(Reader reader, String source) throws IOException {
    List<Line> lines = new ArrayList<>();
    BufferedReader buffered = new BufferedReader(reader);
    String text;
    int number = 0;
    while ((text = buffered.readLine()) != null) {
      number++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(
            source + " line " + number + " is not JSON: " + e.getOriginalMessage(), e);
      }
      if (!node.isObject()) {
        throw new IllegalArgumentException(source + " line " + number + " must be a JSON object");
      }
      lines.add(new Line(number, node));
    }
    return lines;
  }
}
