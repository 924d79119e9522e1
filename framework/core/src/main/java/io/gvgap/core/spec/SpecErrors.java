package io.gvgap.core.spec;

import java.nio.file.Path;

/** Builds {@link SpecException}s that point at a node of one spec file. */
final class SpecErrors {
  private final Path file;

  SpecErrors(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** An error about a node's value (or, for a block or empty value, its key). */
  SpecException at(SpecNode node, String fieldPath, String problem) {
    return at(node, fieldPath, problem, null);
  }

  /** An error about a node's value, keeping the cause. */
  SpecException at(SpecNode node, String fieldPath, String problem, Throwable cause) {
    int line = node == null ? 1 : Math.max(1, node.reportLine());
    int column = node == null ? 1 : Math.max(1, node.reportColumn());
    return new SpecException(file, line, column, fieldPath, problem, cause);
  }

  /** An error about the key under which a node stands (an unknown or misplaced key). */
  SpecException atKey(SpecNode node, String fieldPath, String problem) {
    return atKey(node, fieldPath, problem, null);
  }

  /** An error about the key under which a node stands, keeping the cause. */
  SpecException atKey(SpecNode node, String fieldPath, String problem, Throwable cause) {
    int line = node.keyLine() > 0 ? node.keyLine() : node.line();
    int column = node.keyLine() > 0 ? node.keyColumn() : node.column();
    return new SpecException(file, line, column, fieldPath, problem, cause);
  }
}
