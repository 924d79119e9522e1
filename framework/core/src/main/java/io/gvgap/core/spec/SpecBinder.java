package io.gvgap.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.input.JacksonErrors;
import io.gvgap.core.options.OptionKeys;
import io.gvgap.core.options.OptionsMapper;
import io.gvgap.core.options.RejectedComponent;
import io.gvgap.core.registry.NearestName;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Binds a parsed spec to {@link SpecDocument} with Jackson (the same configuration as plugin
 * options: snake_case keys, unknown keys rejected, no coercion between kinds of scalar; the
 * records' constructors check ranges) and translates every failure into a {@link SpecException}
 * at the line and column of the field Jackson names, found in the parsed nodes (Jackson's own
 * location is where its parser stopped). An empty value counts as not given; the generation and
 * metrics sections are completed from their defaults before binding.
 */
final class SpecBinder {
  private static final ObjectMapper MAPPER =
      OptionsMapper.create().disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
  private static final List<String> ENTRY_LISTS =
      List.of("models", "tasks", "verifiers", "filters");

  private final SpecErrors errors;
  private final SpecNode root;
  private final String extraKey;

  /** Binds {@code root}; {@code extraKey} (a study's own section, or null) is allowed at the top and left out. */
  SpecBinder(SpecErrors errors, SpecNode root, String extraKey) {
    this.errors = errors;
    this.root = root;
    this.extraKey = extraKey;
  }

  SpecDocument bind() {
    JsonNode tree = MAPPER.valueToTree(root.toPlain());
    if (tree instanceof ObjectNode object) {
      removeNulls(object);
      if (extraKey != null) {
        object.remove(extraKey);
      }
      complete(object, "generation", GenerationSettings.DEFAULTS);
      complete(object, "metrics", MetricsSettingsSpec.DEFAULTS);
    }
    try {
      return MAPPER.treeToValue(tree, SpecDocument.class);
    } catch (JsonMappingException e) {
      throw translate(e);
    } catch (JsonProcessingException e) {
      throw new SpecException(
          errors.file(), 1, 1, "", "cannot read the spec: " + e.getOriginalMessage(), e);
    }
  }

  private static void removeNulls(ObjectNode object) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator();
        it.hasNext(); ) {
      JsonNode value = it.next().getValue();
      if (value.isNull()) {
        it.remove();
      } else if (value instanceof ObjectNode child) {
        removeNulls(child);
      } else if (value.isArray()) {
        value.forEach(item -> {
          if (item instanceof ObjectNode child) {
            removeNulls(child);
          }
        });
      }
    }
  }

  private static void complete(ObjectNode top, String key, Record defaults) {
    ObjectNode filled = MAPPER.valueToTree(defaults);
    JsonNode given = top.get(key);
    if (given == null) {
      top.set(key, filled);
    } else if (given instanceof ObjectNode section) {
      filled.properties().forEach(entry -> {
        if (!section.has(entry.getKey())) {
          section.set(entry.getKey(), entry.getValue());
        }
      });
    }
  }

  private SpecException translate(JsonMappingException e) {
    List<Object> path = JacksonErrors.pathSegments(e);
    if (e instanceof UnrecognizedPropertyException unknown) {
      List<Object> parent = path.subList(0, Math.max(0, path.size() - 1));
      List<String> allowed = keysOf(typeAt(parent));
      if (parent.isEmpty() && extraKey != null) {
        allowed.add(extraKey);
      }
      String key = unknown.getPropertyName();
      String suggestion =
          NearestName.find(key, allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
      String problem = "unknown key '" + key + "'; " + suggestion + "allowed keys here: "
          + String.join(", ", allowed);
      SpecNode at = find(path);
      return at == null
          ? errors.at(find(parent), render(path), problem, e)
          : errors.atKey(at, render(path), problem, e);
    }
    if (e instanceof ValueInstantiationException instantiation) {
      return rejected(instantiation.getType().getRawClass(), path, e);
    }
    SpecNode node = find(path);
    if (node == null) {
      return errors.at(root, render(path), JacksonErrors.condense(e.getOriginalMessage()), e);
    }
    Type declared = typeAt(path);
    if (e.getCause() instanceof InputCoercionException) {
      boolean isLong = declared == long.class || declared == Long.class;
      return errors.at(
          node,
          render(path),
          "expected an integer between " + (isLong ? Long.MIN_VALUE : Integer.MIN_VALUE) + " and "
              + (isLong ? Long.MAX_VALUE : Integer.MAX_VALUE) + ", was " + node.text(),
          e);
    }
    return errors.at(
        node,
        render(path),
        expected(path, declared) + ", was " + describe(node) + hint(declared, node),
        e);
  }

  private static String expected(List<Object> path, Type declared) {
    if (path.size() == 1 && ENTRY_LISTS.contains(path.get(0))) {
      String key = (String) path.get(0);
      return "expected a non-empty list of " + key + " (items start with '- "
          + (key.equals("models") ? "backend" : "name") + ": ...')";
    }
    if (declared instanceof Class<?> c && c.isRecord()) {
      return "expected a mapping with keys " + String.join(", ", keysOf(c));
    }
    if (declared instanceof ParameterizedType) {
      return path.size() == 1 || !"pass_at_k".equals(path.get(path.size() - 1))
          ? "expected a list"
          : "expected a non-empty list of integers such as [1, 4, 16]";
    }
    if (declared == String.class) {
      return "expected a non-empty string";
    }
    if (declared == int.class
        || declared == Integer.class
        || declared == long.class
        || declared == Long.class) {
      return "expected an integer";
    }
    if (declared == double.class || declared == Double.class) {
      return "expected a number";
    }
    return "expected a value of type " + (declared == null ? "unknown" : declared.getTypeName());
  }

  private static String hint(Type declared, SpecNode node) {
    return declared == String.class && node.kind() == SpecNode.Kind.SCALAR
        ? "; put it in quotes to make it a string"
        : "";
  }

  /** A value a record's constructor rejected, at the component (and list position) its message names. */
  private SpecException rejected(Class<?> record, List<Object> path, JsonMappingException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    RejectedComponent named = RejectedComponent.of(record, detail);
    List<Object> fieldPath = new ArrayList<>(path);
    fieldPath.addAll(named.path());
    SpecNode at = find(fieldPath);
    return errors.at(at == null ? find(path) : at, render(fieldPath), named.problem(), cause);
  }

  private static List<String> keysOf(Type type) {
    List<String> keys = new ArrayList<>();
    if (type instanceof Class<?> c && c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        keys.add(OptionKeys.keyOf(component.getName()));
      }
    }
    return keys;
  }

  /** The declared type at a path below {@link SpecDocument}, or null. */
  private static Type typeAt(List<Object> path) {
    Type type = SpecDocument.class;
    for (Object segment : path) {
      Type next = null;
      if (segment instanceof String key && type instanceof Class<?> c && c.isRecord()) {
        for (RecordComponent component : c.getRecordComponents()) {
          if (OptionKeys.keyOf(component.getName()).equals(key)) {
            next = component.getGenericType();
          }
        }
      } else if (segment instanceof Integer && type instanceof ParameterizedType list) {
        next = list.getActualTypeArguments()[0];
      }
      if (next == null) {
        return null;
      }
      type = next;
    }
    return type;
  }

  /** The parsed node at a path, or null. */
  private SpecNode find(List<Object> path) {
    SpecNode node = root;
    for (Object segment : path) {
      if (segment instanceof Integer index) {
        node = index < node.items().size() ? node.items().get(index) : null;
      } else {
        node = node.get((String) segment);
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static String render(List<Object> path) {
    StringBuilder text = new StringBuilder();
    for (Object segment : path) {
      if (segment instanceof Integer) {
        text.append('[').append(segment).append(']');
      } else {
        text.append(text.length() > 0 ? "." : "").append(segment);
      }
    }
    return text.toString();
  }

  /** A node described for a message: its text and kind. */
  static String describe(SpecNode value) {
    return switch (value.kind()) {
      case MAPPING -> "a mapping";
      case SEQUENCE -> "a list";
      case NULL -> "empty";
      case SCALAR -> {
        Object scalar = value.value();
        if (scalar instanceof String) {
          yield "'" + scalar + "' (a string)";
        }
        yield value.text()
            + (scalar instanceof Boolean
                ? " (a boolean)"
                : scalar instanceof Double ? " (a decimal number)" : " (an integer)");
      }
    };
  }
}
