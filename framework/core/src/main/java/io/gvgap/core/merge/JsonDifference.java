package io.gvgap.core.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.TreeSet;

/** Finds where two JSON trees first differ, so that an error can say which field of a spec differs. */
final class JsonDifference {

  private JsonDifference() {
  }

  /**
   * Where two trees differ: the field's path and its value (JSON text, shortened) in each.
   *
   * @param path dotted path with array indices, e.g. {@code generation.samples} or {@code tasks[0].limit}
   * @param inFirst the value in the first tree, "(absent)" when it lacks the field
   * @param inSecond the value in the second tree
   */
  record Difference(String path, String inFirst, String inSecond) {
  }

  /**
   * The first difference between {@code a} and {@code b} (fields in name order, array elements by
   * index), or empty when they are equal.
   */
  static Optional<Difference> first(JsonNode a, JsonNode b) {
    return first("", a, b);
  }

  private static Optional<Difference> first(String path, JsonNode a, JsonNode b) {
    if (a.equals(b)) {
      return Optional.empty();
    }
    if (a.isObject() && b.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = path.isEmpty() ? name : path + "." + name;
        if (!a.has(name) || !b.has(name)) {
          return Optional.of(new Difference(child, shown(a.get(name)), shown(b.get(name))));
        }
        Optional<Difference> d = first(child, a.get(name), b.get(name));
        if (d.isPresent()) {
          return d;
        }
      }
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      Iterator<JsonNode> ia = a.elements();
      Iterator<JsonNode> ib = b.elements();
      for (int i = 0; ia.hasNext(); i++) {
        Optional<Difference> d = first(path + "[" + i + "]", ia.next(), ib.next());
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.of(new Difference(path.isEmpty() ? "(top level)" : path, shown(a), shown(b)));
  }

  private static String shown(JsonNode node) {
    if (node == null) {
      return "(absent)";
    }
    String text = node.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
