package io.gvgap.core.registry;

import java.util.Objects;

/**
 * One provider found at discovery, as logged and written to a run's {@code plugins.json}.
 *
 * @param kind the extension point
 * @param name the provider's name
 * @param className the provider's fully qualified class name
 * @param location the jar file or class directory the class was loaded from, or "unknown"
 * @param version the jar's Implementation-Version, else its Maven pom.properties version, else "unknown"
 */
public record DiscoveredProvider(
    ExtensionPoint kind, String name, String className, String location, String version) {

  /** Rejects null components, so every field can be written without checks. */
  public DiscoveredProvider {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(version, "version");
  }
}
