package io.gvgap.core.spec;

import java.nio.file.Path;

/**
 * A run spec that cannot be run, with where the problem is and what is allowed. The message reads
 * like {@code demo.yaml:14:7: filters[1].options.tau: must be in [0, 1], was 1.5}.
 */
public class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final int column;
  private final String fieldPath;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param file the spec file, as the user named it
   * @param line 1-based line of the offending key or value
   * @param column 1-based column
   * @param fieldPath where in the spec, such as {@code filters[1].options.tau}; empty for the whole file
   * @param problem what is wrong and what is allowed
   * @param cause the underlying exception, or null
   */
  public SpecException(
      Path file, int line, int column, String fieldPath, String problem, Throwable cause) {
    super(render(file, line, column, fieldPath, problem), cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.fieldPath = fieldPath;
    this.problem = problem;
  }

  /** The spec file, as the user named it. */
  public Path file() {
    return file;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return column;
  }

  /** The field path, such as {@code filters[1].options.tau}; empty when the problem is the whole file. */
  public String fieldPath() {
    return fieldPath;
  }

  /** The message without file, position and field path. */
  public String problem() {
    return problem;
  }

  private static String render(Path file, int line, int column, String fieldPath, String problem) {
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
