package io.gvgap.core.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.gvgap.core.registry.NearestName;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one translation of Jackson's exceptions (for JSON and YAML alike) into an {@link InputError}
 * a user can act on: the file, line and column, the field path ({@code rounds[2].model}), and what
 * is wrong in words, without Jackson's source excerpts ("Source: REDACTED") or class names.
 */
public final class JacksonErrors {
  private static final Pattern MISSING_PROPERTY =
      Pattern.compile("Missing (?:required )?creator property '([^']+)'");
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^;\\]]*(?:\\([^)]*\\))?; line: (\\d+), column: (\\d+)\\]");
  private static final Pattern NULL_PRIMITIVE =
      Pattern.compile("Cannot map `null` into type `?([a-z]+)`?");

  private JacksonErrors() {}

  /**
   * Describes an exception from reading {@code file}.
   *
   * @param file the file as the user named it
   * @param pathPrefix a field path to put before the exception's own path (empty for none), for a
   *     document read from a section of a larger file
   * @param error what Jackson threw
   */
  public static InputError describe(Path file, String pathPrefix, JsonProcessingException error) {
    JsonLocation where = error.getLocation();
    int line = where == null ? 1 : Math.max(1, where.getLineNr());
    int column = where == null ? 1 : Math.max(1, where.getColumnNr());
    String fieldPath = pathPrefix;
    if (error instanceof JsonMappingException) {
      fieldPath = join(pathPrefix, path(((JsonMappingException) error).getPath()));
    }
    return new InputError(file, line, column, fieldPath, problem(error));
  }

  /** Describes a failure to read {@code file} at all (missing, not UTF-8, a directory, no permission). */
  public static InputError unreadable(Path file, IOException error) {
    String problem;
    if (error instanceof CharacterCodingException) {
      problem = "the file is not UTF-8 text; save it as UTF-8";
    } else if (error instanceof java.nio.file.NoSuchFileException) {
      problem = "the file does not exist (looked in " + file.toAbsolutePath().normalize() + ")";
    } else if (error instanceof java.nio.file.AccessDeniedException) {
      problem = "no permission to read the file";
    } else if (java.nio.file.Files.isDirectory(file)) {
      problem = "this is a directory, not a file; name the file inside it";
    } else {
      problem = "cannot read the file ("
          + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())
          + ")";
    }
    return new InputError(file, 1, 1, "", problem);
  }

  private static String problem(JsonProcessingException error) {
    if (error instanceof JsonMappingException
        && !(error instanceof MismatchedInputException)
        && !(error instanceof ValueInstantiationException)
        && error.getCause() instanceof JsonProcessingException) {
      // A syntax error met while binding arrives wrapped; describe the syntax error.
      return problem((JsonProcessingException) error.getCause());
    }
    if (error instanceof PropertyBindingException) {
      PropertyBindingException unknown = (PropertyBindingException) error;
      List<String> known = known(unknown.getKnownPropertyIds());
      String suggestion = NearestName.find(unknown.getPropertyName(), known)
          .map(s -> "did you mean '" + s + "'? ")
          .orElse("");
      return "unknown key '" + unknown.getPropertyName() + "'; " + suggestion
          + (known.isEmpty()
              ? "no keys are allowed here"
              : "allowed keys here: " + String.join(", ", known));
    }
    if (error instanceof ValueInstantiationException) {
      Throwable cause = error.getCause();
      while (cause != null && cause.getCause() != null && cause.getMessage() == null) {
        cause = cause.getCause();
      }
      return cause == null || cause.getMessage() == null
          ? "the value is not valid here"
          : cause.getMessage();
    }
    if (error instanceof InvalidFormatException) {
      InvalidFormatException format = (InvalidFormatException) error;
      return "expected " + expected(format.getTargetType()) + ", was " + shown(format.getValue());
    }
    String original = error.getOriginalMessage() == null ? "" : error.getOriginalMessage();
    if (error instanceof MismatchedInputException) {
      Matcher missing = MISSING_PROPERTY.matcher(original);
      if (missing.find()) {
        return "missing required key '" + missing.group(1) + "'";
      }
      Matcher nullPrimitive = NULL_PRIMITIVE.matcher(original);
      if (nullPrimitive.find()) {
        return "expected " + expected(primitive(nullPrimitive.group(1))) + ", was empty (null)";
      }
      Class<?> target = ((MismatchedInputException) error).getTargetType();
      if (target != null) {
        return "expected " + expected(target) + ", was " + found(original);
      }
    }
    if (error instanceof JsonEOFException) {
      return "the file ends in the middle of a value; it is truncated or not closed (a missing '}' or ']'?)";
    }
    return "not valid "
        + (error.getProcessor() != null
                && error.getProcessor().getClass().getName().contains("yaml")
            ? "YAML"
            : "JSON")
        + ": " + condense(original);
  }

  private static Class<?> primitive(String name) {
    switch (name) {
      case "int":
      case "long":
      case "short":
        return int.class;
      case "boolean":
        return boolean.class;
      default:
        return double.class;
    }
  }

  /** What kind of value a Java type takes, in the words of a spec. */
  static String expected(Type type) {
    if (!(type instanceof Class<?>)) {
      return "a value of type " + type.getTypeName();
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class || c == Path.class || CharSequence.class.isAssignableFrom(c)) {
      return "a string";
    }
    if (c == int.class
        || c == Integer.class
        || c == long.class
        || c == Long.class
        || c == short.class) {
      return "an integer";
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      return "a number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "true or false";
    }
    if (c.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : c.getEnumConstants()) {
        names.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
      }
      return "one of " + String.join(", ", names);
    }
    if (c.isArray() || Collection.class.isAssignableFrom(c)) {
      return "a list";
    }
    return "a mapping";
  }

  /** The kind of value Jackson found, read from its message ("from Object value", "from String \"x\""). */
  private static String found(String original) {
    Matcher from = Pattern.compile(
            "from (Object value|Array value|String value|String \"([^\"]*)\"|Boolean value"
                + "|Floating-point value|Integer value|Null value)")
        .matcher(original);
    if (!from.find()) {
      return "a value of another kind";
    }
    String kind = from.group(1);
    if (kind.startsWith("String \"")) {
      return "'" + from.group(2) + "' (a string)";
    }
    switch (kind) {
      case "Object value":
        return "a mapping";
      case "Array value":
        return "a list";
      case "String value":
        return "a string";
      case "Boolean value":
        return "a boolean";
      case "Floating-point value":
        return "a decimal number";
      case "Integer value":
        return "an integer";
      default:
        return "empty (null)";
    }
  }

  private static String shown(Object value) {
    if (value instanceof String) {
      return "'" + value + "' (a string)";
    }
    return String.valueOf(value);
  }

  private static List<String> known(Collection<Object> ids) {
    List<String> names = new ArrayList<>();
    if (ids != null) {
      ids.forEach(id -> names.add(String.valueOf(id)));
    }
    return names;
  }

  /**
   * The field path of a binding error as segments: keys as {@code String}, list positions as
   * {@code Integer}, outermost first.
   */
  public static List<Object> pathSegments(JsonMappingException error) {
    List<Object> segments = new ArrayList<>();
    for (JsonMappingException.Reference reference : error.getPath()) {
      if (reference.getFieldName() != null) {
        segments.add(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        segments.add(reference.getIndex());
      }
    }
    return List.copyOf(segments);
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder text = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        text.append('[').append(reference.getIndex()).append(']');
      }
    }
    return text.toString();
  }

  private static String join(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    if (path.isEmpty()) {
      return prefix;
    }
    return path.startsWith("[") ? prefix + path : prefix + "." + path;
  }

  /** A parser message without its source excerpt and Jackson's "[Source: ...]" location: the words only. */
  public static String condense(String message) {
    if (message == null || message.isBlank()) {
      return "syntax error";
    }
    message = SOURCE.matcher(message).replaceAll("line $1, column $2");
    List<String> kept = new ArrayList<>();
    for (String line : message.split("\\R")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty()
          || trimmed.startsWith("in 'reader'")
          || trimmed.startsWith("^")
          || line.startsWith("    ")
          || trimmed.startsWith("at [Source")) {
        continue;
      }
      kept.add(trimmed);
    }
    return kept.isEmpty() ? message.trim() : String.join(" ", kept);
  }
}
