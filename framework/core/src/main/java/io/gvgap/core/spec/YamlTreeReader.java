package io.gvgap.core.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gvgap.core.input.JacksonErrors;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML text with Jackson's streaming parser into {@link SpecNode}s that keep their positions. */
final class YamlTreeReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final Path file;

  YamlTreeReader(Path file) {
    this.file = file;
  }

  /** The document's root node, or null when the text holds no document at all. */
  SpecNode read(String text) {
    try (Reader reader = new StringReader(text);
        JsonParser parser = FACTORY.createParser(reader)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      SpecNode root = node(parser, first, 0, 0);
      JsonToken after = parser.nextToken();
      if (after != null) {
        JsonLocation where = parser.currentTokenLocation();
        throw new SpecException(
            file,
            where.getLineNr(),
            where.getColumnNr(),
            "",
            "a spec file holds one YAML document; remove the second one (after '---')",
            null);
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      int line = where == null ? 1 : Math.max(1, where.getLineNr());
      int column = where == null ? 1 : Math.max(1, where.getColumnNr());
      throw new SpecException(
          file,
          line,
          column,
          "",
          "invalid YAML: " + JacksonErrors.condense(e.getOriginalMessage()),
          e);
    } catch (IOException e) {
      throw new SpecException(file, 1, 1, "", "cannot read the spec: " + e.getMessage(), e);
    }
  }

  private SpecNode node(JsonParser parser, JsonToken token, int keyLine, int keyColumn)
      throws IOException {
    JsonLocation where = parser.currentTokenLocation();
    int line = where.getLineNr();
    int column = where.getColumnNr();
    switch (token) {
      case START_OBJECT: {
        Map<String, SpecNode> entries = new LinkedHashMap<>();
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          JsonLocation keyWhere = parser.currentTokenLocation();
          if (entries.containsKey(key)) {
            SpecNode first = entries.get(key);
            throw new SpecException(
                file,
                keyWhere.getLineNr(),
                keyWhere.getColumnNr(),
                "",
                "duplicate key '" + key + "' (first given on line " + first.keyLine()
                    + "); give each key once",
                null);
          }
          SpecNode child =
              node(parser, parser.nextToken(), keyWhere.getLineNr(), keyWhere.getColumnNr());
          entries.put(key, child);
        }
        return new SpecNode(
            SpecNode.Kind.MAPPING, line, column, keyLine, keyColumn, entries, null, null, null);
      }
      case START_ARRAY: {
        List<SpecNode> items = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(parser, next, 0, 0));
        }
        return new SpecNode(
            SpecNode.Kind.SEQUENCE, line, column, keyLine, keyColumn, null, items, null, null);
      }
      case VALUE_STRING:
        return scalar(parser.getText(), parser.getText(), line, column, keyLine, keyColumn);
      case VALUE_NUMBER_INT:
        return scalar(parser.getNumberValue(), parser.getText(), line, column, keyLine, keyColumn);
      case VALUE_NUMBER_FLOAT:
        return scalar(parser.getDoubleValue(), parser.getText(), line, column, keyLine, keyColumn);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return scalar(
            token == JsonToken.VALUE_TRUE, parser.getText(), line, column, keyLine, keyColumn);
      case VALUE_NULL:
        return new SpecNode(
            SpecNode.Kind.NULL, line, column, keyLine, keyColumn, null, null, null, "null");
      default:
        throw new SpecException(
            file,
            line,
            column,
            "",
            "unsupported YAML value (" + token
                + "); use strings, numbers, booleans, lists and mappings",
            null);
    }
  }

  private static SpecNode scalar(
      Object value, String text, int line, int column, int keyLine, int keyColumn) {
    return new SpecNode(
        SpecNode.Kind.SCALAR, line, column, keyLine, keyColumn, null, null, value, text);
  }
}
