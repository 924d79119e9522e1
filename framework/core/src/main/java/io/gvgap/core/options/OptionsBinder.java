package io.gvgap.core.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gvgap.api.Option;
import io.gvgap.core.registry.NearestName;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Binds a spec's {@code options:} map to a provider's options record, so that a misspelt option is
 * an error rather than a silent default.
 *
 * <p>Keys are the record components in snake_case ({@code maxNewTokens} is {@code max_new_tokens}).
 * Values are what a YAML parser produces: {@code Map}, {@code List}, {@code String}, {@code Integer},
 * {@code Long}, {@code BigInteger}, {@code Double}, {@code Boolean}. A component without an
 * {@link Option#defaultValue()} is required; a nested record that is absent is bound from an empty
 * map, so it is optional exactly when all its components have defaults. A default of {@code null}
 * (or {@code ~}) makes a reference-typed component optional with a null value.
 */
public final class OptionsBinder {
  private static final YAMLMapper YAML = new YAMLMapper();

  private OptionsBinder() {}

  /**
   * Builds the record from the map.
   *
   * @param type the provider's options record
   * @param values the spec's options; null is treated as an empty map
   * @throws OptionsException on unknown or missing keys, wrong types, or values the record rejects
   */
  public static <R extends Record> R bind(Class<R> type, Map<String, ?> values) {
    Objects.requireNonNull(type, "type");
    return type.cast(bindRecord(type, values == null ? Map.of() : values, List.of()));
  }

  private static Record bindRecord(Class<?> type, Map<?, ?> values, List<Object> path) {
    RecordComponent[] components = type.getRecordComponents();
    Map<String, RecordComponent> byKey = new LinkedHashMap<>();
    for (RecordComponent component : components) {
      Type unsupported = OptionTypes.firstUnsupported(component.getGenericType());
      if (unsupported != null) {
        throw new OptionsException(
            append(path, OptionKeys.keyOf(component.getName())),
            "the options record "
                + type.getName() + " declares '" + component.getName()
                + "' with the unsupported type "
                + unsupported.getTypeName() + " (supported: " + OptionTypes.SUPPORTED
                + "); this is a plugin bug, report it to its author");
      }
      byKey.put(OptionKeys.keyOf(component.getName()), component);
    }
    rejectUnknownKeys(values, byKey, path);

    Object[] arguments = new Object[components.length];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String key = OptionKeys.keyOf(component.getName());
      List<Object> fieldPath = append(path, key);
      Option option = component.getAnnotation(Option.class);
      String defaultText = option == null ? "" : option.defaultValue();
      if (values.containsKey(key)) {
        Object value = values.get(key);
        arguments[i] = value == null && isNullDefault(defaultText)
            ? null
            : convert(component.getGenericType(), value, fieldPath);
      } else if (!defaultText.isEmpty()) {
        arguments[i] = bindDefault(type, component, defaultText, fieldPath);
      } else if (component.getType().isRecord()) {
        arguments[i] = bindRecord(component.getType(), Map.of(), fieldPath);
      } else {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      throw new OptionsException(append(path, missing.get(0)), missingMessage(missing, byKey));
    }
    return construct(type, components, arguments, path);
  }

  private static void rejectUnknownKeys(
      Map<?, ?> values, Map<String, RecordComponent> byKey, List<Object> path) {
    List<String> unknown = new ArrayList<>();
    for (Object key : values.keySet()) {
      if (!(key instanceof String) || !byKey.containsKey(key)) {
        unknown.add(String.valueOf(key));
      }
    }
    if (unknown.isEmpty()) {
      return;
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
    throw new OptionsException(append(path, unknown.get(0)), message.toString());
  }

  private static String missingMessage(List<String> missing, Map<String, RecordComponent> byKey) {
    StringBuilder message = new StringBuilder(
        missing.size() == 1 ? "missing required option " : "missing required options ");
    List<String> parts = new ArrayList<>();
    for (String key : missing) {
      RecordComponent component = byKey.get(key);
      Option option = component.getAnnotation(Option.class);
      String what = OptionTypes.describe(component.getGenericType());
      parts.add(
          "'" + key + "' (" + what + (option == null ? "" : ": " + option.description()) + ")");
    }
    return message
        .append(String.join(", ", parts))
        .append("; add ")
        .append(missing.size() == 1 ? "it" : "them")
        .append(" to the options")
        .toString();
  }

  private static boolean isNullDefault(String defaultText) {
    String trimmed = defaultText.trim();
    return trimmed.equals("null") || trimmed.equals("~");
  }

  private static Object bindDefault(
      Class<?> type, RecordComponent component, String defaultText, List<Object> fieldPath) {
    Object parsed;
    try {
      parsed = YAML.readValue(defaultText, Object.class);
    } catch (JsonProcessingException e) {
      throw new OptionsException(
          fieldPath,
          "the default value '" + defaultText + "' declared by " + type.getName()
              + " is not valid YAML (" + e.getOriginalMessage()
              + "); this is a plugin bug, report it to its author",
          e);
    }
    if (parsed == null) {
      if (component.getType().isPrimitive()) {
        throw new OptionsException(
            fieldPath,
            "the default value 'null' declared by " + type.getName()
                + " does not fit the primitive type " + component.getType()
                + "; this is a plugin bug, report it to its author");
      }
      return null;
    }
    try {
      return convert(component.getGenericType(), parsed, fieldPath);
    } catch (OptionsException e) {
      throw new OptionsException(
          e.path(),
          "the default value '" + defaultText + "' declared by " + type.getName() + " is invalid ("
              + e.problem() + "); this is a plugin bug, report it to its author",
          e);
    }
  }

  private static Object convert(Type type, Object value, List<Object> path) {
    if (value == null) {
      throw wrongType(type, value, path);
    }
    if (type == String.class) {
      if (value instanceof String) {
        return value;
      }
      throw new OptionsException(
          path,
          "expected a string, was " + shown(value) + "; put it in quotes to make it a string");
    }
    if (type == int.class || type == Integer.class) {
      long number = integral(type, value, path);
      if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
        throw new OptionsException(
            path,
            "expected an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                + ", was " + shown(value));
      }
      return (int) number;
    }
    if (type == long.class || type == Long.class) {
      return integral(type, value, path);
    }
    if (type == double.class || type == Double.class) {
      if (value instanceof Number) {
        return ((Number) value).doubleValue();
      }
      throw wrongType(type, value, path);
    }
    if (type == boolean.class || type == Boolean.class) {
      if (value instanceof Boolean) {
        return value;
      }
      throw wrongType(type, value, path);
    }
    if (type == Path.class) {
      if (!(value instanceof String) || ((String) value).isEmpty()) {
        throw wrongType(type, value, path);
      }
      try {
        return Path.of((String) value);
      } catch (InvalidPathException e) {
        throw new OptionsException(path, "not a valid path: " + e.getMessage(), e);
      }
    }
    if (type instanceof Class<?> && ((Class<?>) type).isEnum()) {
      return enumConstant((Class<?>) type, value, path);
    }
    if (type instanceof Class<?> && ((Class<?>) type).isRecord()) {
      if (!(value instanceof Map)) {
        throw wrongType(type, value, path);
      }
      return bindRecord((Class<?>) type, (Map<?, ?>) value, path);
    }
    ParameterizedType parameterized = (ParameterizedType) type;
    Type raw = parameterized.getRawType();
    Type[] arguments = parameterized.getActualTypeArguments();
    if (raw == List.class || raw == Set.class) {
      if (!(value instanceof List)) {
        throw wrongType(type, value, path);
      }
      List<?> items = (List<?>) value;
      List<Object> converted = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        converted.add(convert(arguments[0], items.get(i), append(path, i)));
      }
      if (raw == List.class) {
        return List.copyOf(converted);
      }
      Set<Object> set = new LinkedHashSet<>();
      for (int i = 0; i < converted.size(); i++) {
        if (!set.add(converted.get(i))) {
          throw new OptionsException(
              append(path, i),
              "duplicate value " + shown(items.get(i)) + " in a set; list each value once");
        }
      }
      return Collections.unmodifiableSet(set);
    }
    // Map<String, String>: OptionTypes admits no other parameterized type.
    if (!(value instanceof Map)) {
      throw wrongType(type, value, path);
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      Object item = entry.getValue();
      List<Object> itemPath = append(path, String.valueOf(entry.getKey()));
      if (item instanceof Map || item instanceof List || item == null) {
        throw new OptionsException(
            itemPath, "expected a string, number or boolean, was " + shown(item));
      }
      map.put(String.valueOf(entry.getKey()), String.valueOf(item));
    }
    return Collections.unmodifiableMap(map);
  }

  private static long integral(Type type, Object value, List<Object> path) {
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger) {
      BigInteger big = (BigInteger) value;
      if (big.bitLength() < 64) {
        return big.longValue();
      }
      throw new OptionsException(
          path,
          "expected an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ", was "
              + big);
    }
    throw wrongType(type, value, path);
  }

  private static Object enumConstant(Class<?> enumType, Object value, List<Object> path) {
    if (value instanceof String) {
      String wanted = ((String) value).trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Object constant : enumType.getEnumConstants()) {
        if (((Enum<?>) constant).name().equalsIgnoreCase(wanted)) {
          return constant;
        }
      }
      List<String> allowed = new ArrayList<>();
      for (Object constant : enumType.getEnumConstants()) {
        allowed.add(OptionKeys.enumValue((Enum<?>) constant));
      }
      String suggestion = NearestName.find((String) value, allowed)
          .map(s -> "; did you mean '" + s + "'?")
          .orElse("");
      throw new OptionsException(
          path,
          "expected one of " + String.join(", ", allowed) + ", was " + shown(value) + suggestion);
    }
    throw wrongType(enumType, value, path);
  }

  private static OptionsException wrongType(Type type, Object value, List<Object> path) {
    String expected = OptionTypes.describe(type);
    String article =
        expected.startsWith("one of") ? "" : (startsWithVowel(expected) ? "an " : "a ");
    return new OptionsException(path, "expected " + article + expected + ", was " + shown(value));
  }

  private static boolean startsWithVowel(String text) {
    return !text.isEmpty() && "aeiou".indexOf(text.charAt(0)) >= 0;
  }

  /** How a given value is shown in a message: its text and, for clarity, what kind of value it is. */
  static String shown(Object value) {
    if (value == null) {
      return "null (an empty value)";
    }
    if (value instanceof String) {
      return "'" + value + "' (a string)";
    }
    if (value instanceof Boolean) {
      return value + " (a boolean)";
    }
    if (value instanceof Double || value instanceof Float) {
      return value + " (a decimal number)";
    }
    if (value instanceof Number) {
      return value + " (an integer)";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof Map) {
      return "a mapping";
    }
    return String.valueOf(value);
  }

  private static Record construct(
      Class<?> type, RecordComponent[] components, Object[] arguments, List<Object> path) {
    Class<?>[] parameterTypes = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      parameterTypes[i] = components[i].getType();
    }
    Constructor<?> constructor;
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new OptionsException(
          path,
          "cannot access the canonical constructor of the options record " + type.getName()
              + "; make the record public (" + e + ")",
          e);
    }
    try {
      return (Record) constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      String detail =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      RejectedField field = rejectedField(components, detail);
      String problem = cause instanceof IllegalArgumentException
          ? field.problem
          : field.problem + " (" + cause.getClass().getSimpleName() + ")";
      List<Object> fieldPath = field.key == null ? path : append(path, field.key);
      throw new OptionsException(fieldPath, problem, cause);
    } catch (ReflectiveOperationException e) {
      throw new OptionsException(
          path, "cannot create the options record " + type.getName() + ": " + e, e);
    }
  }

  /** The field a constructor's message is about, and the message without the field's name in front. */
  private static RejectedField rejectedField(RecordComponent[] components, String message) {
    RecordComponent best = null;
    int bestPosition = Integer.MAX_VALUE;
    String bestSpelling = null;
    for (RecordComponent component : components) {
      for (String spelling : List.of(component.getName(), OptionKeys.keyOf(component.getName()))) {
        Matcher matcher = Pattern.compile(
                "(?<![A-Za-z0-9_])" + Pattern.quote(spelling) + "(?![A-Za-z0-9_])")
            .matcher(message);
        if (matcher.find() && matcher.start() < bestPosition) {
          best = component;
          bestPosition = matcher.start();
          bestSpelling = spelling;
        }
      }
    }
    if (best == null && components.length == 1) {
      best = components[0];
    }
    if (best == null) {
      return new RejectedField(null, message);
    }
    String problem = message;
    if (bestPosition == 0) {
      // "alpha must be in (0, 1]" reads "alpha: must be in (0, 1]" once the path is in front.
      problem = message.substring(bestSpelling.length()).replaceFirst("^\\s*:?\\s*", "");
      if (problem.isEmpty()) {
        problem = message;
      }
    }
    return new RejectedField(OptionKeys.keyOf(best.getName()), problem);
  }

  private static List<Object> append(List<Object> path, Object segment) {
    List<Object> longer = new ArrayList<>(path.size() + 1);
    longer.addAll(path);
    longer.add(segment);
    return longer;
  }

  private static final class RejectedField {
    final String key;
    final String problem;

    RejectedField(String key, String problem) {
      this.key = key;
      this.problem = problem;
    }
  }
}
