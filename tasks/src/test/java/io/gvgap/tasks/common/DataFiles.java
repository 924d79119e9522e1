package io.gvgap.tasks.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small data files for tests of bad input. */
public final class DataFiles {

  private DataFiles() {}

  /** Writes the lines (joined with newlines) to {@code dir/name} and returns the path. */
  public static Path write(Path dir, String name, String... lines) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
