package io.gvgap.studies;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gvgap.core.input.InputError;
import io.gvgap.core.input.JacksonErrors;
import io.gvgap.core.spec.RunSpec;
import io.gvgap.core.spec.SpecException;
import io.gvgap.core.spec.SpecNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A study spec is a run spec plus one top-level section of its own ({@code improve:} or
 * {@code scaling:}). The run spec loader reads the whole file (allowing that one key); this binds
 * the section to its record with Jackson, reading the same text so that every error names the
 * file's own line, column and field path ({@code improve.distillation.steps}), and checks values
 * against the section's parsed nodes, which keep their positions.
 */
final class StudySection {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .build();
  private static final YAMLFactory FACTORY = new YAMLFactory();
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private final RunSpec run;
  private final String key;

  private StudySection(RunSpec run, String key) {
    this.run = run;
    this.key = key;
  }

  /** The section {@code key} of the spec whose run part (loaded with the key allowed) is {@code run}. */
  static StudySection of(RunSpec run, String key) {
    return new StudySection(run, key);
  }

  /** The section's node, or null when the spec has none (or it is empty). */
  SpecNode node() {
    SpecNode node = run.root().get(key);
    return node == null || node.isNull() ? null : node;
  }

  /**
   * The section bound to {@code type}, or null when absent.
   *
   * @throws SpecException with the file's line, column and field path when it does not fit
   */
  <T> T bind(String text, Class<T> type) {
    try (JsonParser parser = FACTORY.createParser(new StringReader(text))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        boolean wanted = parser.currentName().equals(key);
        JsonToken value = parser.nextToken();
        if (!wanted) {
          parser.skipChildren();
          continue;
        }
        if (value == JsonToken.VALUE_NULL) {
          return null;
        }
        return YAML.readerFor(type).readValue(parser);
      }
      return null;
    } catch (JsonProcessingException e) {
      InputError error = JacksonErrors.describe(run.file(), key, e);
      // Jackson's location is where its parser stopped (often the next line); the parsed nodes know
      // where the named field itself is.
      SpecNode at = find(error.fieldPath());
      if (at == null) {
        throw new SpecException(
            run.file(), error.line(), error.column(), error.fieldPath(), error.problem(), e);
      }
      boolean aboutKey = error.problem().startsWith("unknown key") && at.keyLine() > 0;
      throw new SpecException(
          run.file(),
          aboutKey ? at.keyLine() : Math.max(1, at.reportLine()),
          aboutKey ? at.keyColumn() : Math.max(1, at.reportColumn()),
          error.fieldPath(),
          error.problem(),
          e);
    } catch (IOException e) {
      throw new SpecException(
          run.file(), 1, 1, key, "cannot read the section: " + e.getMessage(), e);
    }
  }

  /** The node at a field path such as {@code improve.distillation.steps} or {@code a.b[2]}, or null. */
  private SpecNode find(String fieldPath) {
    SpecNode at = run.root();
    for (String part : fieldPath.split("\\.")) {
      String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
      at = name.isEmpty() ? at : at.get(name);
      if (at == null) {
        return null;
      }
      Matcher index = INDEX.matcher(part);
      while (index.find()) {
        int i = Integer.parseInt(index.group(1));
        if (i >= at.items().size()) {
          return null;
        }
        at = at.items().get(i);
      }
    }
    return at;
  }

  /** An error about {@code field} of the section (a path below it such as {@code distillation.steps}). */
  SpecException error(String field, String problem) {
    SpecNode node = node();
    SpecNode at = node == null ? run.root() : node;
    for (String part : field.isEmpty() ? new String[0] : field.split("\\.")) {
      SpecNode next = at.get(part);
      if (next == null) {
        break;
      }
      at = next;
    }
    return new SpecException(
        run.file(),
        Math.max(1, at.reportLine()),
        Math.max(1, at.reportColumn()),
        field.isEmpty() ? key : key + "." + field,
        problem,
        null);
  }
}
