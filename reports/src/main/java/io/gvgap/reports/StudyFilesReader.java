package io.gvgap.reports;

import io.gvgap.core.input.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the result files that studies and the sample index leave beside or inside run directories
 * ({@code rounds.json}, {@code scaling.json}, {@code diversity.json}) as their shared records.
 */
final class StudyFilesReader {

  private StudyFilesReader() {}

  /**
   * The file bound to {@code type}, or null when it does not exist.
   *
   * @throws io.gvgap.core.input.InputFileException naming file, line and field when it does not fit the record
   */
  static <T> T read(Path file, Class<T> type) {
    if (!Files.exists(file)) {
      return null;
    }
    return JsonFiles.read(file, type);
  }
}
