package io.gvgap.tasks.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.task.TaskDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a task's JSON Lines data file (one JSON object per line; blank lines are skipped) and turns
 * every problem with it into a {@link TaskDataException} naming the file, the line and what was
 * expected, so a bad file fails before any generation starts.
 */
public final class JsonLinesReader {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final String taskName;
  private final String expected;

  /**
   * Creates a reader for one task's file format.
   *
   * @param taskName the task, named in errors ("gsm8k")
   * @param expected the line format, quoted in errors ({@code {"question": string, "answer": string}})
   */
  public JsonLinesReader(String taskName, String expected) {
    this.taskName = Objects.requireNonNull(taskName, "taskName");
    this.expected = "one JSON object per line: " + Objects.requireNonNull(expected, "expected");
  }

  /** Reads every non-blank line of the file as a JSON object. */
  public List<DataLine> read(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new TaskDataException(taskName + " data file " + file.toAbsolutePath().normalize()
          + (Files.exists(file) ? " is not a regular file" : " does not exist")
          + "; set the task option \"data\" to a JSON Lines file with " + expected);
    }
    List<DataLine> lines = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int lineNumber = 0;
      while ((text = reader.readLine()) != null) {
        lineNumber++;
        if (!text.isBlank()) {
          lines.add(parse(file, lineNumber, text));
        }
      }
    } catch (IOException e) {
      // reading past a decoded line fails only for I/O or encoding problems, not JSON syntax
      throw new TaskDataException(taskName + " data file " + file + " could not be read as UTF-8 text ("
          + e + "); expected " + expected, e);
    }
    if (lines.isEmpty()) {
      throw new TaskDataException(taskName + " data file " + file + " is empty; expected " + expected);
    }
    return List.copyOf(lines);
  }

  private DataLine parse(Path file, int lineNumber, String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new TaskDataException(file + ", line " + lineNumber + ": not valid JSON ("
          + e.getOriginalMessage() + "). Expected " + expected + ".", e);
    }
    if (node == null || !node.isObject()) {
      throw new TaskDataException(file + ", line " + lineNumber + ": not a JSON object (was "
          + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT))
          + "). Expected " + expected + ".");
    }
    return new DataLine(file, lineNumber, node, expected);
  }
}
