package io.gvgap.cli;

import io.gvgap.core.files.FileProblems;
import io.gvgap.core.files.TextFiles;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpec;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads and resolves a spec file the same way for every command. */
final class SpecFiles {

  private SpecFiles() {}

  /** Parses and resolves {@code file} against the discovered plugins. */
  static ResolvedRunSpec resolve(Path file, PluginRegistry registry) {
    read(file);
    RunSpec spec = RunSpecLoader.load(file);
    return RunSpecResolver.resolve(spec, registry, file);
  }

  /**
   * The spec file's text.
   *
   * @throws SpecException naming the file when it does not exist, is a directory, is not UTF-8 text
   *     (with the line and column of the first byte that is not) or cannot be read (and why)
   */
  static String read(Path file) {
    try {
      return TextFiles.readUtf8(file);
    } catch (NoSuchFileException e) {
      throw new SpecException(
          file,
          1,
          1,
          "",
          "the spec file does not exist (looked in " + file.toAbsolutePath().normalize() + ")",
          e);
    } catch (IOException e) {
      throw new SpecException(
          file, 1, 1, "", "cannot read the spec: " + FileProblems.explain(file, e), e);
    }
  }
}
