package io.gvgap.core.spec;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gvgap.core.registry.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads and resolves spec text written to a temporary demo.yaml, against the test providers. */
final class SpecTestSupport {
  static final PluginRegistry REGISTRY =
      PluginRegistry.load(SpecTestSupport.class.getClassLoader());

  private SpecTestSupport() {}

  static Path write(Path directory, String yaml) {
    try {
      return Files.writeString(directory.resolve("demo.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ResolvedRunSpec resolve(Path directory, String yaml) {
    Path file = write(directory, yaml);
    return RunSpecResolver.resolve(RunSpecLoader.load(file), REGISTRY, file);
  }

  static SpecException failure(Path directory, String yaml) {
    return catchThrowableOfType(SpecException.class, () -> resolve(directory, yaml));
  }
}
