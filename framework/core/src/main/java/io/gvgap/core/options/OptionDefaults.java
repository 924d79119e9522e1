package io.gvgap.core.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gvgap.api.Option;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link Option} means, applied to the options tree before Jackson binds it (Jackson knows
 * nothing of gvgap-api's annotation): an absent component takes its {@link Option#defaultValue()},
 * an absent nested record without a default is bound from an empty mapping (so it is optional when
 * all its components have defaults), and an explicit {@code null} is allowed only where the default
 * is {@code null}. Remembers which values came from defaults, so that a default that does not fit
 * its component is reported as the plugin's bug.
 */
final class OptionDefaults {
  private static final YAMLMapper YAML = new YAMLMapper();

  /** A value filled in from a default. */
  record Filled(String text, Class<?> declaredBy) {}

  private final Map<List<Object>, Filled> filled = new HashMap<>();

  /** Fills the defaults of {@code type}'s components into {@code node}, recursively. */
  void apply(Class<?> type, ObjectNode node, List<Object> path) {
    for (RecordComponent component : type.getRecordComponents()) {
      String key = OptionKeys.keyOf(component.getName());
      List<Object> fieldPath = append(path, key);
      Option option = component.getAnnotation(Option.class);
      String defaultText = option == null ? "" : option.defaultValue();
      JsonNode value = node.get(key);
      if (value == null) {
        if (!defaultText.isEmpty()) {
          JsonNode parsed = parse(type, defaultText, fieldPath);
          node.set(key, parsed);
          filled.put(fieldPath, new Filled(defaultText, type));
          descend(component.getGenericType(), parsed, fieldPath);
        } else if (component.getType().isRecord()) {
          apply(component.getType(), node.putObject(key), fieldPath);
        }
        // A required component stays absent: Jackson reports it missing.
        continue;
      }
      if (value.isNull()) {
        if (!isNullDefault(defaultText)) {
          throw OptionsErrors.wrongType(component.getGenericType(), value, fieldPath);
        }
        continue;
      }
      descend(component.getGenericType(), value, fieldPath);
    }
  }

  /** The default the value at {@code path} (or one of its parents) came from, or null when the spec gave it. */
  Filled defaultAt(List<Object> path) {
    for (int length = path.size(); length > 0; length--) {
      Filled found = filled.get(path.subList(0, length));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private void descend(Type type, JsonNode value, List<Object> path) {
    if (type instanceof Class<?> c && c.isRecord() && value instanceof ObjectNode object) {
      apply(c, object, path);
      return;
    }
    if (type instanceof ParameterizedType parameterized && value instanceof ArrayNode) {
      if (parameterized.getRawType() != List.class && parameterized.getRawType() != Set.class) {
        return;
      }
      Type item = parameterized.getActualTypeArguments()[0];
      for (int i = 0; i < value.size(); i++) {
        if (value.get(i).isNull()) {
          throw OptionsErrors.wrongType(item, value.get(i), append(path, i));
        }
        descend(item, value.get(i), append(path, i));
      }
    }
  }

  private static JsonNode parse(Class<?> type, String defaultText, List<Object> fieldPath) {
    try {
      return YAML.readTree(defaultText);
    } catch (JsonProcessingException e) {
      throw new OptionsException(
          fieldPath,
          "the default value '" + defaultText + "' declared by " + type.getName()
              + " is not valid YAML (" + e.getOriginalMessage()
              + "); this is a plugin bug, report it to its author",
          e);
    }
  }

  private static boolean isNullDefault(String defaultText) {
    String trimmed = defaultText.trim();
    return trimmed.equals("null") || trimmed.equals("~");
  }

  static List<Object> append(List<Object> path, Object segment) {
    List<Object> longer = new ArrayList<>(path.size() + 1);
    longer.addAll(path);
    longer.add(segment);
    return List.copyOf(longer);
  }
}
