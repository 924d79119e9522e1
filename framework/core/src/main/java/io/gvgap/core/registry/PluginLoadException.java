package io.gvgap.core.registry;

/**
 * Discovery failed: two providers share a name, a name is invalid, a plugin path does not exist, or
 * a service file names a class that cannot be loaded. The message says what to change.
 */
public class PluginLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the offending classes, jars or paths. */
  public PluginLoadException(String message) {
    super(message);
  }

  /** Creates the exception keeping the underlying cause (an I/O or service configuration error). */
  public PluginLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
