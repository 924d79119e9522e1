package io.gvgap.core.registry;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A name that no provider of an extension point has. The message names the extension point, the bad
 * name, the nearest available name when one is close, all available names, and what to do.
 */
public class UnknownProviderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExtensionPoint kind;
  private final String requestedName;
  private final List<String> availableNames;
  private final String suggestion;

  /** Builds the message from the requested name and the names that are available. */
  public UnknownProviderException(
      ExtensionPoint kind, String requestedName, SortedSet<String> availableNames) {
    super(message(kind, requestedName, availableNames));
    this.kind = kind;
    this.requestedName = requestedName;
    this.availableNames = List.copyOf(availableNames);
    this.suggestion = NearestName.find(requestedName, availableNames).orElse(null);
  }

  private static String message(
      ExtensionPoint kind, String requestedName, SortedSet<String> availableNames) {
    String service = kind.serviceType().getName();
    if (availableNames.isEmpty()) {
      return "Unknown " + kind.label() + " '" + requestedName + "': no " + kind.label()
          + " providers (" + service
          + ") were found; consider adding an implementation jar to the classpath or --plugin-path.";
    }
    StringBuilder text = new StringBuilder()
        .append("Unknown ")
        .append(kind.label())
        .append(" '")
        .append(requestedName)
        .append("' (")
        .append(service)
        .append(")");
    text.append(NearestName.find(requestedName, availableNames)
        .map(nearest -> "; did you mean '" + nearest + "'?")
        .orElse("."));
    text.append(" Available ")
        .append(kind.label())
        .append("s: ")
        .append(String.join(", ", availableNames))
        .append(
            ". If it is a plugin, add the jar that provides it to the classpath or --plugin-path.");
    return text.toString();
  }

  /** The extension point that was searched. */
  public ExtensionPoint kind() {
    return kind;
  }

  /** The name that was not found. */
  public String requestedName() {
    return requestedName;
  }

  /** The names that are available, sorted. */
  public List<String> availableNames() {
    return availableNames;
  }

  /** The nearest available name, when one is close enough to be a likely typo. */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }
}
