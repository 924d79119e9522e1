package io.gvgap.cli;

import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpec;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.RunSpecResolver;
import java.nio.file.Path;

/** Loads and resolves a spec file the same way for every command. */
final class SpecFiles {

  private SpecFiles() {
  }

  /** Parses and resolves {@code file} against the discovered plugins. */
  static ResolvedRunSpec resolve(Path file, PluginRegistry registry) {
    RunSpec spec = RunSpecLoader.load(file);
    return RunSpecResolver.resolve(spec, registry, file);
  }
}
