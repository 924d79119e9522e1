package io.gvgap.studies;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes an SFT set as JSON Lines ({@code {"prompt": ..., "response": ..., "weight": ...}}, what
 * {@code gvgap distill} reads) through a temporary file and a rename, so a crash never leaves half a set.
 */
public final class SftSetWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SftSetWriter() {}

  /** Writes {@code samples} to {@code file}, replacing it. */
  public static void write(Path file, List<KeptSample> samples) {
    StringBuilder text = new StringBuilder();
    for (KeptSample s : samples) {
      ObjectNode line = JSON.createObjectNode();
      line.put("prompt", s.prompt());
      line.put("response", s.response());
      line.put("weight", s.weight());
      try {
        text.append(JSON.writeValueAsString(line)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the SFT set " + file, e);
    }
  }
}
