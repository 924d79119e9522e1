package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the JSON files that studies leave beside or inside run directories ({@code rounds.json}, {@code scaling.json}). */
final class StudyFilesReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StudyFilesReader() {
  }

  /** The file's JSON tree, or null when it does not exist. */
  static JsonNode read(Path file) {
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " for the report; rerun the study to rewrite it", e);
    }
  }
}
