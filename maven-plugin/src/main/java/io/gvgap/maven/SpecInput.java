package io.gvgap.maven;

import io.gvgap.core.spec.RunSpec;
import io.gvgap.core.spec.RunSpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The run spec a goal was given, as a file: the {@code specFile} parameter, or the inline
 * {@code <spec>} YAML written to a file under the build directory so that error messages point at
 * a line a user can open.
 *
 * @param file the spec file that messages name
 * @param text the spec as written, kept in the run directory
 */
record SpecInput(Path file, String text) {

  /**
   * Chooses the spec from the goal's parameters.
   *
   * @param specFile the {@code specFile} parameter, or null
   * @param inline the {@code spec} parameter, or null
   * @param inlineFile where inline YAML is written (its name, less {@code .yaml}, is the default run name)
   * @param specProperty the user property that sets {@code specFile} (named in the error message)
   * @throws MojoFailureException when neither or both are given, or the inline file cannot be written
   */
  static SpecInput choose(Path specFile, String inline, Path inlineFile, String specProperty)
      throws MojoFailureException {
    boolean hasInline = inline != null && !inline.isBlank();
    if (specFile != null && hasInline) {
      throw new MojoFailureException("gvgap: both <specFile> (" + specFile
          + ") and an inline <spec> are configured;" + " keep one of them");
    }
    if (specFile == null && !hasInline) {
      throw new MojoFailureException(
          "gvgap: no run spec; set <specFile> to a YAML run spec (or -D" + specProperty + "=FILE),"
              + " or write the spec inline in a <spec> element of the plugin configuration");
    }
    if (specFile != null) {
      // Reading is left to RunSpecLoader so that a missing file gets the command line's message.
      return new SpecInput(specFile, null);
    }
    String yaml = InlineSpec.normalize(inline);
    try {
      Files.createDirectories(inlineFile.getParent());
      Files.writeString(inlineFile, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoFailureException(
          "gvgap: cannot write the inline spec to " + inlineFile + ": " + e.getMessage(), e);
    }
    return new SpecInput(inlineFile, yaml);
  }

  /**
   * Parses and checks the spec.
   *
   * @throws io.gvgap.core.spec.SpecException as the command line reports it
   */
  RunSpec load() {
    return text == null ? RunSpecLoader.load(file) : RunSpecLoader.parse(file, text);
  }

  /**
   * The folder relative paths in the spec are resolved against: the spec file's folder, or for an
   * inline spec (written under the build directory) the project's folder.
   */
  Path baseDirectory(Path projectDirectory) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return text == null && parent != null ? parent : projectDirectory;
  }

  /** The spec as written (read from the file when it was given as one). */
  String source() throws IOException {
    return text != null ? text : Files.readString(file, StandardCharsets.UTF_8);
  }
}
