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

  static String enumValues(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(constant -> OptionKeys.enumValue((Enum<?>) constant))
        .collect(Collectors.joining(", "));
  }
}
