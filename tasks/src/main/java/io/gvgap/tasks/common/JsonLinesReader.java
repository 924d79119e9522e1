package io.gvgap.tasks.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.task.TaskDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
      throw new TaskDataException(
          taskName + " data file " + file.toAbsolutePath().normalize()
              + (Files.exists(file) ? " is not a regular file" : " does not exist")
              + "; set the task option \"data\" to a JSON Lines file with " + expected);
    }
    List<DataLine> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new StringReader(decode(file, Files.readAllBytes(file))))) {
      String text;
      int lineNumber = 0;
      while ((text = reader.readLine()) != null) {
        lineNumber++;
        if (!text.isBlank()) {
          lines.add(parse(file, lineNumber, text));
        }
      }
    } catch (IOException e) {
      throw new TaskDataException(
          taskName + " data file " + file + " could not be read (" + e.getMessage() + "); expected "
              + expected,
          e);
    }
    if (lines.isEmpty()) {
      throw new TaskDataException(
          taskName + " data file " + file + " is empty; expected " + expected);
    }
    return List.copyOf(lines);
  }

  /** Strict UTF-8: the first byte that is not UTF-8 is named by line and column, never as "Input length = 1". */
  private String decode(Path file, byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(in)
          .toString();
    } catch (CharacterCodingException e) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new TaskDataException(
          String.format(
              Locale.ROOT,
              "%s, line %d: not UTF-8 text (byte 0x%02X, %d bytes into"
                  + " the line; another encoding such as Latin-1, or a binary file); save the %s data file as UTF-8 with %s",
              file,
              line,
              bytes[offset] & 0xff,
              offset - lineStart,
              taskName,
              expected),
          e);
    }
  }

  private DataLine parse(Path file, int lineNumber, String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new TaskDataException(
          file + ", line " + lineNumber + ": not valid JSON (" + e.getOriginalMessage()
              + "). Expected " + expected + ".",
          e);
    }
    if (node == null || !node.isObject()) {
      throw new TaskDataException(file + ", line " + lineNumber + ": not a JSON object (was "
          + (node == null
              ? "nothing"
              : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT))
          + "). Expected " + expected + ".");
    }
    return new DataLine(file, lineNumber, node, expected);
  }
}
