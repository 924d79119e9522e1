package io.gvgap.core.spec;

import io.gvgap.core.registry.NearestName;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the typed fields of one spec mapping, each error naming the field's line and path. */
final class SectionReader {
  private final SpecErrors errors;
  private final SpecNode node;
  private final String path;

  /** Reads {@code node} (which must be a mapping) at {@code path}, rejecting keys not in {@code allowed}. */
  SectionReader(SpecErrors errors, SpecNode node, String path, String... allowed) {
    this.errors = errors;
    this.node = node;
    this.path = path;
    if (node.kind() != SpecNode.Kind.MAPPING) {
      throw errors.at(
          node,
          path,
          "expected a mapping with keys " + String.join(", ", allowed) + ", was " + describe(node));
    }
    Set<String> allowedKeys = new LinkedHashSet<>(Arrays.asList(allowed));
    for (Map.Entry<String, SpecNode> entry : node.entries().entrySet()) {
      if (!allowedKeys.contains(entry.getKey())) {
        String suggestion = NearestName.find(entry.getKey(), allowedKeys)
            .map(s -> "did you mean '" + s + "'? ")
            .orElse("");
        throw errors.atKey(
            entry.getValue(),
            child(entry.getKey()),
            "unknown key '" + entry.getKey() + "'; " + suggestion + "allowed keys here: "
                + String.join(", ", allowedKeys));
      }
    }
  }

  /** The path of a key of this mapping. */
  String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The node of a key, or null when absent or empty. */
  SpecNode get(String key) {
    SpecNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  /** The node of a key as written, also when empty; null when absent. */
  SpecNode raw(String key) {
    return node.get(key);
  }

  /** A required string. */
  String requiredString(String key, String what) {
    SpecNode value = get(key);
    if (value == null) {
      throw errors.at(node, child(key), "missing required key '" + key + "' (" + what + ")");
    }
    return string(value, child(key));
  }

  /** An optional string, or the default. */
  String optionalString(String key, String defaultValue) {
    SpecNode value = get(key);
    return value == null ? defaultValue : string(value, child(key));
  }

  private String string(SpecNode value, String fieldPath) {
    if (value.kind() != SpecNode.Kind.SCALAR
        || !(value.value() instanceof String)
        || ((String) value.value()).isBlank()) {
      String hint = value.kind() == SpecNode.Kind.SCALAR && !(value.value() instanceof String)
          ? "; put it in quotes to make it a string"
          : "";
      throw errors.at(
          value, fieldPath, "expected a non-empty string, was " + describe(value) + hint);
    }
    return (String) value.value();
  }

  /** An optional integer in [min, max], or the default. */
  int optionalInt(String key, int defaultValue, int min, int max) {
    SpecNode value = get(key);
    if (value == null) {
      return defaultValue;
    }
    long number = integral(value, child(key));
    if (number < min || number > max) {
      throw errors.at(value, child(key), "must be " + range(min, max) + ", was " + value.text());
    }
    return (int) number;
  }

  /** An optional long integer, or the default. */
  Long optionalLong(String key, Long defaultValue) {
    SpecNode value = get(key);
    if (value == null) {
      return defaultValue;
    }
    return integral(value, child(key));
  }

  private long integral(SpecNode value, String fieldPath) {
    Object number = value.value();
    if (number instanceof Integer || number instanceof Long) {
      return ((Number) number).longValue();
    }
    if (number instanceof BigInteger && ((BigInteger) number).bitLength() < 64) {
      return ((BigInteger) number).longValue();
    }
    throw errors.at(value, fieldPath, "expected an integer, was " + describe(value));
  }

  /** An optional finite number within bounds (each bound inclusive or not), or the default. */
  double optionalDouble(
      String key,
      double defaultValue,
      double low,
      boolean lowInclusive,
      double high,
      boolean highInclusive) {
    SpecNode value = get(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value.value() instanceof Number) || value.value() instanceof BigInteger) {
      throw errors.at(value, child(key), "expected a number, was " + describe(value));
    }
    double number = ((Number) value.value()).doubleValue();
    boolean aboveLow = lowInclusive ? number >= low : number > low;
    boolean belowHigh = highInclusive ? number <= high : number < high;
    if (!Double.isFinite(number) || !aboveLow || !belowHigh) {
      String interval = (lowInclusive ? "[" : "(") + format(low) + ", " + format(high)
          + (highInclusive ? "]" : ")");
      String text = high == Double.POSITIVE_INFINITY
          ? (lowInclusive ? ">= " : "> ") + format(low)
          : "in " + interval;
      throw errors.at(value, child(key), "must be " + text + ", was " + value.text());
    }
    return number;
  }

  /** An optional non-empty list of integers >= min without repeats, or the default. */
  List<Integer> optionalIntList(String key, List<Integer> defaultValue, int min) {
    SpecNode value = get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value.kind() != SpecNode.Kind.SEQUENCE || value.items().isEmpty()) {
      throw errors.at(
          value,
          child(key),
          "expected a non-empty list of integers such as [1, 4, 16], was " + describe(value));
    }
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < value.items().size(); i++) {
      SpecNode item = value.items().get(i);
      String itemPath = child(key) + "[" + i + "]";
      long number = integral(item, itemPath);
      if (number < min || number > Integer.MAX_VALUE) {
        throw errors.at(
            item, itemPath, "must be " + range(min, Integer.MAX_VALUE) + ", was " + item.text());
      }
      if (numbers.contains((int) number)) {
        throw errors.at(
            item, itemPath, "the value " + number + " is listed twice; list each value once");
      }
      numbers.add((int) number);
    }
    return List.copyOf(numbers);
  }

  /** An optional string from a fixed set of choices, or the default. */
  String optionalChoice(String key, String defaultValue, List<String> choices) {
    String chosen = optionalString(key, defaultValue);
    if (!choices.contains(chosen)) {
      String suggestion = NearestName.find(chosen, choices)
          .map(s -> "; did you mean '" + s + "'?")
          .orElse("");
      throw errors.at(
          get(key),
          child(key),
          "must be one of " + String.join(", ", choices) + ", was '" + chosen + "'" + suggestion);
    }
    return chosen;
  }

  private static String range(long min, long max) {
    return max == Integer.MAX_VALUE || max == Long.MAX_VALUE
        ? ">= " + min
        : "in [" + min + ", " + max + "]";
  }

  private static String format(double number) {
    return number == Math.rint(number) && Math.abs(number) < 1e15
        ? String.valueOf((long) number)
        : String.valueOf(number);
  }

  /** A node described for a message: its text and kind. */
  static String describe(SpecNode value) {
    switch (value.kind()) {
      case MAPPING:
        return "a mapping";
      case SEQUENCE:
        return "a list";
      case NULL:
        return "empty";
      default:
        Object scalar = value.value();
        if (scalar instanceof String) {
          return "'" + scalar + "' (a string)";
        }
        if (scalar instanceof Boolean) {
          return value.text() + " (a boolean)";
        }
        if (scalar instanceof Double) {
          return value.text() + " (a decimal number)";
        }
        return value.text() + " (an integer)";
    }
  }
}
