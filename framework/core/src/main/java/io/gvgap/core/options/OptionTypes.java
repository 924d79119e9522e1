package io.gvgap.core.options;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The component types an options record may use, and how they are named to users. */
final class OptionTypes {
  static final String SUPPORTED =
      "String, int, long, double, boolean (or their boxes), an enum, Path,"
          + " List or Set of those, Map<String, String>, or a nested record";

  private OptionTypes() {}

  /** A user-facing name of the type: "integer", "list of path", "one of: a, b". */
  static String describe(Type type) {
    if (type == String.class) {
      return "string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "integer";
    }
    if (type == double.class || type == Double.class) {
      return "number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean";
    }
    if (type == Path.class) {
      return "path";
    }
    if (type instanceof Class<?> && ((Class<?>) type).isEnum()) {
      return "one of: " + enumValues((Class<?>) type);
    }
    if (type instanceof Class<?> && ((Class<?>) type).isRecord()) {
      return "mapping (" + ((Class<?>) type).getSimpleName() + ")";
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType parameterized = (ParameterizedType) type;
      Type raw = parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class) {
        return "list of " + describe(arguments[0]);
      }
      if (raw == Set.class) {
        return "set of " + describe(arguments[0]);
      }
      if (raw == Map.class) {
        return "mapping of string to string";
      }
    }
    return type.getTypeName();
  }

  /** Null when supported, else the unsupported (part of the) type. */
  static Type firstUnsupported(Type type) {
    if (type == String.class
        || type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == double.class
        || type == Double.class
        || type == boolean.class
        || type == Boolean.class
        || type == Path.class) {
      return null;
    }
    if (type instanceof Class<?> && (((Class<?>) type).isEnum() || ((Class<?>) type).isRecord())) {
      return null;
    }
    if (type instanceof ParameterizedType) {
      ParameterizedType parameterized = (ParameterizedType) type;
      Type raw = parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == List.class || raw == Set.class) {
        return arguments[0] instanceof Class<?> && ((Class<?>) arguments[0]).isRecord()
            ? null
            : firstUnsupportedScalar(arguments[0]);
      }
      if (raw == Map.class) {
        return arguments[0] == String.class && arguments[1] == String.class ? null : type;
      }
    }
    return type;
  }

  private static Type firstUnsupportedScalar(Type type) {
    // Lists of lists are not supported: a spec rarely needs them and they make error paths unclear.
    if (type instanceof ParameterizedType) {
      return type;
    }
    return firstUnsupported(type);
  }

  /**
   * The declared type at a path below an options record (keys and list positions), or null when
   * the path leads nowhere the record declares.
   */
  static Type typeAt(Class<?> record, List<Object> path) {
    Type type = record;
    for (Object segment : path) {
      if (segment instanceof String key && type instanceof Class<?> c && c.isRecord()) {
        type = componentType(c, key);
      } else if (type instanceof ParameterizedType parameterized) {
        Type raw = parameterized.getRawType();
        boolean listItem = segment instanceof Integer && (raw == List.class || raw == Set.class);
        boolean mapValue = segment instanceof String && raw == Map.class;
        type = listItem
            ? parameterized.getActualTypeArguments()[0]
            : mapValue ? parameterized.getActualTypeArguments()[1] : null;
      } else {
        type = null;
      }
      if (type == null) {
        return null;
      }
    }
    return type;
  }

  private static Type componentType(Class<?> record, String key) {
    for (java.lang.reflect.RecordComponent component : record.getRecordComponents()) {
      if (OptionKeys.keyOf(component.getName()).equals(key)) {
        return component.getGenericType();
      }
    }
    return null;
  }

  static String enumValues(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(constant -> OptionKeys.enumValue((Enum<?>) constant))
        .collect(Collectors.joining(", "));
  }
}
