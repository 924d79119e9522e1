package io.gvgap.core.input;

import java.nio.file.Path;

/**
 * What is wrong with an input file, and where: rendered as
 * {@code file:line:column: field.path: what is wrong, what is allowed}.
 *
 * @param file the file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 * @param fieldPath where in the document, such as {@code rounds[2].tasks[0].accuracy}; empty for the whole file
 * @param problem what is wrong and what is allowed or what to do
 */
public record InputError(Path file, int line, int column, String fieldPath, String problem) {

  /** The one-line message: {@code file:line:column: field.path: problem}. */
  public String render() {
    StringBuilder text = new StringBuilder()
        .append(file)
        .append(':')
        .append(line)
        .append(':')
        .append(column)
        .append(": ");
    if (!fieldPath.isEmpty()) {
      text.append(fieldPath).append(": ");
    }
    return text.append(problem).toString();
  }
}
