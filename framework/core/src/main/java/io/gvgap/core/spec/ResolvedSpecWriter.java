package io.gvgap.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link ResolvedRunSpec} as JSON for the run directory, through its file record
 * {@link ResolvedSpecFile} (the spec's own snake_case keys, paths as strings, each options record as
 * its options), so that a run can be understood and recreated from its directory alone.
 */
public final class ResolvedSpecWriter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResolvedSpecWriter() {}

  /** The resolved spec as pretty-printed JSON text ending in a newline. */
  public static String toJson(ResolvedRunSpec spec) {
    try {
      return MAPPER.writeValueAsString(ResolvedSpecFile.of(spec)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the resolved spec as JSON", e);
    }
  }

  /** Writes {@link #toJson} to a file (UTF-8), replacing it. */
  public static void write(ResolvedRunSpec spec, Path file) {
    try {
      Files.writeString(file, toJson(spec), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the resolved spec to " + file, e);
    }
  }

  /** The resolved spec as a JSON tree. */
  public static ObjectNode toTree(ResolvedRunSpec spec) {
    return MAPPER.valueToTree(ResolvedSpecFile.of(spec));
  }
}
