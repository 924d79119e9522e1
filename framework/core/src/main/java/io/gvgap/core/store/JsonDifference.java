package io.gvgap.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Finds where two JSON trees differ, so that an error can say which fields of a spec differ. */
public final class JsonDifference {

  private JsonDifference() {}

  /**
   * Where two trees differ: the field's path and its value (JSON text, shortened) in each.
   *
   * @param path dotted path with array indices, e.g. {@code generation.samples} or {@code tasks[0].limit}
   * @param inFirst the value in the first tree, "(absent)" when it lacks the field
   * @param inSecond the value in the second tree
   */
  public record Difference(String path, String inFirst, String inSecond) {
    /** {@code path (first vs second)}, for error messages. */
    public String describe() {
      return path + " (" + inFirst + " vs " + inSecond + ")";
    }
  }

  /**
   * The first difference between {@code a} and {@code b} (fields in name order, array elements by
   * index), or empty when they are equal.
   */
  public static Optional<Difference> first(JsonNode a, JsonNode b) {
    List<Difference> all = all(a, b);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every difference between {@code a} and {@code b}, in the order {@link #first} finds them. */
  public static List<Difference> all(JsonNode a, JsonNode b) {
    List<Difference> found = new ArrayList<>();
    collect("", a, b, found);
    return found;
  }

  private static void collect(String path, JsonNode a, JsonNode b, List<Difference> found) {
    if (a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = path.isEmpty() ? name : path + "." + name;
        if (!a.has(name) || !b.has(name)) {
          found.add(new Difference(child, shown(a.get(name)), shown(b.get(name))));
        } else {
          collect(child, a.get(name), b.get(name), found);
        }
      }
      return;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        collect(path + "[" + i + "]", a.get(i), b.get(i), found);
      }
      return;
    }
    found.add(new Difference(path.isEmpty() ? "(top level)" : path, shown(a), shown(b)));
  }

  private static String shown(JsonNode node) {
    if (node == null) {
      return "(absent)";
    }
    String text = node.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
