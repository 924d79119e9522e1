package io.gvgap.core.spec;

import io.gvgap.api.Internal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a parsed YAML spec with its position in the file, so that every error (also one
 * inside a plugin's options) can name a line. Scalars keep their source text for labels.
 */
@Internal
public final class SpecNode {

  /** What a node holds. */
  public enum Kind {
    /** A YAML mapping; see {@link #entries()}. */
    MAPPING,
    /** A YAML sequence; see {@link #items()}. */
    SEQUENCE,
    /** A string, number or boolean; see {@link #value()}. */
    SCALAR,
    /** An empty value or {@code null}. */
    NULL
  }

  private final Kind kind;
  private final int line;
  private final int column;
  private final int keyLine;
  private final int keyColumn;
  private final Map<String, SpecNode> entries;
  private final List<SpecNode> items;
  private final Object value;
  private final String text;

  SpecNode(
      Kind kind,
      int line,
      int column,
      int keyLine,
      int keyColumn,
      Map<String, SpecNode> entries,
      List<SpecNode> items,
      Object value,
      String text) {
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.keyLine = keyLine;
    this.keyColumn = keyColumn;
    this.entries =
        entries == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.items = items == null ? List.of() : List.copyOf(items);
    this.value = value;
    this.text = text;
  }

  /** What the node holds. */
  public Kind kind() {
    return kind;
  }

  /** 1-based line where the value starts. */
  public int line() {
    return line;
  }

  /** 1-based column where the value starts. */
  public int column() {
    return column;
  }

  /**
   * The line to report for this node: the key's line for a mapping entry whose value is a block or
   * empty (it starts on a later line, or nowhere), else the value's line.
   */
  public int reportLine() {
    return useKeyPosition() ? keyLine : line;
  }

  /** The column that goes with {@link #reportLine()}. */
  public int reportColumn() {
    return useKeyPosition() ? keyColumn : column;
  }

  /** The 1-based line of the key this node is the value of; its own line for sequence items and the root. */
  public int keyLine() {
    return keyLine;
  }

  /** The 1-based column of the key this node is the value of. */
  public int keyColumn() {
    return keyColumn;
  }

  private boolean useKeyPosition() {
    return kind != Kind.SCALAR && keyLine > 0;
  }

  /** The entries of a mapping, in file order; empty for other kinds. */
  public Map<String, SpecNode> entries() {
    return entries;
  }

  /** The value of a mapping key, or null when absent. */
  public SpecNode get(String key) {
    return entries.get(key);
  }

  /** The items of a sequence; empty for other kinds. */
  public List<SpecNode> items() {
    return items;
  }

  /** A scalar's value: String, Integer, Long, BigInteger, Double or Boolean; null otherwise. */
  public Object value() {
    return value;
  }

  /** A scalar's text as written in the file. */
  public String text() {
    return text;
  }

  /** Whether this is an empty value or {@code null}. */
  public boolean isNull() {
    return kind == Kind.NULL;
  }

  /** The node as plain Java values: LinkedHashMap, ArrayList, scalars and null. */
  public Object toPlain() {
    switch (kind) {
      case MAPPING: {
        Map<String, Object> map = new LinkedHashMap<>();
        entries.forEach((key, node) -> map.put(key, node.toPlain()));
        return map;
      }
      case SEQUENCE: {
        List<Object> list = new ArrayList<>();
        for (SpecNode item : items) {
          list.add(item.toPlain());
        }
        return list;
      }
      case SCALAR:
        return value;
      default:
        return null;
    }
  }

  /** The node written compactly, as in a label: scalars as written, collections in flow style. */
  public String toCompactText() {
    switch (kind) {
      case MAPPING: {
        List<String> parts = new ArrayList<>();
        entries.forEach((key, node) -> parts.add(key + ": " + node.toCompactText()));
        return "{" + String.join(", ", parts) + "}";
      }
      case SEQUENCE: {
        List<String> parts = new ArrayList<>();
        for (SpecNode item : items) {
          parts.add(item.toCompactText());
        }
        return "[" + String.join(", ", parts) + "]";
      }
      case SCALAR:
        return text;
      default:
        return "null";
    }
  }
}
