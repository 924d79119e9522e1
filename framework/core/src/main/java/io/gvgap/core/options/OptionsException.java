package io.gvgap.core.options;

import java.util.List;

/**
 * Options that do not fit a provider's options record: an unknown or missing key, a wrong type, or
 * a value the record's constructor rejected. Carries the field path relative to the options map
 * (for example {@code tau}, {@code stops[2]} or {@code retry.attempts}), so that the run-spec layer
 * can add the file, line and outer path.
 */
public class OptionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<Object> path;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param path the keys (String) and list indices (Integer) from the options map to the field;
   *     empty when the problem concerns the whole map
   * @param problem what is wrong and what is allowed, without the field path
   */
  public OptionsException(List<Object> path, String problem) {
    this(path, problem, null);
  }

  /** Creates the exception keeping the exception the record constructor threw. */
  public OptionsException(List<Object> path, String problem, Throwable cause) {
    super(render(path, problem), cause);
    this.path = List.copyOf(path);
    this.problem = problem;
  }

  /** The path segments: option keys as strings, list positions as integers. */
  public List<Object> path() {
    return path;
  }

  /** The path as text, such as {@code stops[2]} or {@code retry.attempts}; empty for the whole map. */
  public String fieldPath() {
    return renderPath(path);
  }

  /** The message without the field path: what is wrong and what is allowed. */
  public String problem() {
    return problem;
  }

  /** Renders path segments as {@code a.b[2].c}. */
  public static String renderPath(List<Object> path) {
    StringBuilder text = new StringBuilder();
    for (Object segment : path) {
      if (segment instanceof Integer) {
        text.append('[').append(segment).append(']');
      } else {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(segment);
      }
    }
    return text.toString();
  }

  private static String render(List<Object> path, String problem) {
    String where = renderPath(path);
    return where.isEmpty() ? problem : where + ": " + problem;
  }
}
