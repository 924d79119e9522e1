package io.gvgap.core.options;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.gvgap.api.Option;
import io.gvgap.core.input.JacksonErrors;
import io.gvgap.core.registry.NearestName;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns what Jackson throws while binding an options record into an {@link OptionsException} in a
 * spec author's words, with the field path Jackson reports ({@link JacksonErrors#pathSegments}).
 * The value a message shows is read from the options tree at that path, and the expected kind of
 * value from the record's declared type there, so no message depends on Jackson's wording.
 */
final class OptionsErrors {

  private OptionsErrors() {}

  /**
   * The user-facing error for a failure to bind {@code tree} to {@code type}.
   *
   * @param defaults what was filled in from defaults, to report a bad default as a plugin bug
   */
  static OptionsException translate(
      Class<?> type, JsonNode tree, OptionDefaults defaults, JsonMappingException e) {
    List<Object> path = JacksonErrors.pathSegments(e);
    OptionsException error = describe(type, tree, path, e);
    OptionDefaults.Filled filled = defaults.defaultAt(error.path());
    if (filled == null) {
      return error;
    }
    return new OptionsException(
        error.path(),
        "the default value '" + filled.text() + "' declared by "
            + filled.declaredBy().getName() + " is invalid (" + error.problem()
            + "); this is a plugin bug, report it to its author",
        e);
  }

  private static OptionsException describe(
      Class<?> type, JsonNode tree, List<Object> path, JsonMappingException e) {
    if (e instanceof OptionValueException ours) {
      return new OptionsException(path, ours.problem(), e);
    }
    if (e instanceof UnrecognizedPropertyException) {
      List<Object> parent = path.isEmpty() ? path : path.subList(0, path.size() - 1);
      return unknownKeys(OptionTypes.typeAt(type, parent), nodeAt(tree, parent), parent, e);
    }
    if (e instanceof ValueInstantiationException instantiation) {
      return rejected(instantiation.getType().getRawClass(), path, e);
    }
    if (e instanceof InvalidDefinitionException) {
      return new OptionsException(
          path,
          "cannot create the options record " + type.getName() + ": " + e.getOriginalMessage()
              + "; this is a plugin bug, report it to its author",
          e);
    }
    Type declared = OptionTypes.typeAt(type, path);
    JsonNode value = nodeAt(tree, path);
    if (declared instanceof Class<?>
        && ((Class<?>) declared).isRecord()
        && value != null
        && value.isObject()) {
      return missing((Class<?>) declared, value, path, e);
    }
    if (value == null && !path.isEmpty() && path.get(path.size() - 1) instanceof String) {
      // Jackson names a missing required component in the path; the message lists all of its
      // record's.
      List<Object> parent = path.subList(0, path.size() - 1);
      Type record = OptionTypes.typeAt(type, parent);
      JsonNode parentNode = nodeAt(tree, parent);
      if (record instanceof Class<?>
          && ((Class<?>) record).isRecord()
          && parentNode != null
          && parentNode.isObject()) {
        return missing((Class<?>) record, parentNode, parent, e);
      }
    }
    if (e.getCause() instanceof InputCoercionException
        && value != null
        && value.isIntegralNumber()) {
      boolean isInt = declared == int.class || declared == Integer.class;
      return new OptionsException(
          path,
          "expected an integer between " + (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE) + " and "
              + (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE) + ", was " + shown(value),
          e);
    }
    if (e instanceof InvalidFormatException
        && declared instanceof Class<?>
        && ((Class<?>) declared).isEnum()
        && value != null
        && value.isTextual()) {
      List<String> allowed = List.of(OptionTypes.enumValues((Class<?>) declared).split(", "));
      String suggestion = NearestName.find(value.asText(), allowed)
          .map(s -> "; did you mean '" + s + "'?")
          .orElse("");
      return new OptionsException(
          path,
          "expected one of " + String.join(", ", allowed) + ", was " + shown(value) + suggestion,
          e);
    }
    if (declared == null) {
      return new OptionsException(path, JacksonErrors.condense(e.getOriginalMessage()), e);
    }
    return wrongType(declared, value, path);
  }

  /** "expected an integer, was 'four' (a string)". */
  static OptionsException wrongType(Type type, JsonNode value, List<Object> path) {
    String expected = OptionTypes.describe(type);
    String article = expected.startsWith("one of")
        ? ""
        : "aeiou".indexOf(expected.charAt(0)) >= 0 ? "an " : "a ";
    String hint = type == String.class && value != null && value.isValueNode() && !value.isNull()
        ? "; put it in quotes to make it a string"
        : "";
    return new OptionsException(
        path, "expected " + article + expected + ", was " + shown(value) + hint);
  }

  private static OptionsException unknownKeys(
      Type declared, JsonNode node, List<Object> path, JsonMappingException e) {
    Map<String, RecordComponent> byKey = components(declared);
    List<String> unknown = new ArrayList<>();
    if (node != null) {
      node.fieldNames().forEachRemaining(key -> {
        if (!byKey.containsKey(key)) {
          unknown.add(key);
        }
      });
    }
    if (unknown.isEmpty()) {
      unknown.add(((UnrecognizedPropertyException) e).getPropertyName());
    }
    StringBuilder message = new StringBuilder();
    message
        .append(unknown.size() == 1 ? "unknown option " : "unknown options ")
        .append(unknown.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ")));
    for (String key : unknown) {
      NearestName.find(key, byKey.keySet())
          .ifPresent(nearest -> message.append(
              unknown.size() == 1
                  ? "; did you mean '" + nearest + "'?"
                  : "; for '" + key + "' did you mean '" + nearest + "'?"));
    }
    boolean endsInQuestion = message.charAt(message.length() - 1) == '?';
    if (byKey.isEmpty()) {
      message
          .append(endsInQuestion ? " This" : "; this")
          .append(" component takes no options, remove them");
    } else {
      message
          .append(endsInQuestion ? " Valid" : "; valid")
          .append(" options: ")
          .append(String.join(", ", byKey.keySet()));
    }
    return new OptionsException(OptionDefaults.append(path, unknown.get(0)), message.toString(), e);
  }

  private static OptionsException missing(
      Class<?> record, JsonNode node, List<Object> path, JsonMappingException e) {
    List<String> parts = new ArrayList<>();
    String first = null;
    for (RecordComponent component : record.getRecordComponents()) {
      String key = OptionKeys.keyOf(component.getName());
      if (node.has(key)) {
        continue;
      }
      first = first == null ? key : first;
      Option option = component.getAnnotation(Option.class);
      parts.add("'" + key + "' (" + OptionTypes.describe(component.getGenericType())
          + (option == null ? "" : ": " + option.description()) + ")");
    }
    if (first == null) {
      return new OptionsException(path, JacksonErrors.condense(e.getOriginalMessage()), e);
    }
    String message = (parts.size() == 1 ? "missing required option " : "missing required options ")
        + String.join(", ", parts) + "; add " + (parts.size() == 1 ? "it" : "them")
        + " to the options";
    return new OptionsException(OptionDefaults.append(path, first), message, e);
  }

  /** A value the record's constructor rejected, at the component its message names ({@link RejectedComponent}). */
  private static OptionsException rejected(
      Class<?> record, List<Object> path, JsonMappingException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    RejectedComponent named = RejectedComponent.of(record, detail);
    List<Object> fieldPath = new ArrayList<>(path);
    fieldPath.addAll(named.path());
    String problem = cause instanceof IllegalArgumentException
        ? named.problem()
        : named.problem() + " (" + cause.getClass().getSimpleName() + ")";
    return new OptionsException(fieldPath, problem, cause);
  }

  private static Map<String, RecordComponent> components(Type type) {
    Map<String, RecordComponent> byKey = new LinkedHashMap<>();
    if (type instanceof Class<?> && ((Class<?>) type).isRecord()) {
      for (RecordComponent component : ((Class<?>) type).getRecordComponents()) {
        byKey.put(OptionKeys.keyOf(component.getName()), component);
      }
    }
    return byKey;
  }

  private static JsonNode nodeAt(JsonNode tree, List<Object> path) {
    JsonNode node = tree;
    for (Object segment : path) {
      node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** How a given value is shown in a message: its text and what kind of value it is. */
  static String shown(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "null (an empty value)";
    }
    if (value.isTextual()) {
      return "'" + value.asText() + "' (a string)";
    }
    if (value.isBoolean()) {
      return value.asText() + " (a boolean)";
    }
    if (value.isFloatingPointNumber()) {
      return value.asText() + " (a decimal number)";
    }
    if (value.isNumber()) {
      return value.asText() + " (an integer)";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return value.toString();
  }
}
