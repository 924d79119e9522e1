package io.gvgap.core.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.gvgap.core.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes the JSON files that one module writes and another reads ({@code rounds.json},
 * {@code scaling.json}, {@code diversity.json}, ...), each bound to its record with
 * {@link Json#mapper()} (unknown keys rejected), every error translated by {@link JacksonErrors}.
 */
public final class JsonFiles {

  private JsonFiles() {}

  /**
   * Reads {@code file} as a {@code type}.
   *
   * @throws InputFileException naming the file, line, column and field when it is unreadable or does not fit
   */
  public static <T> T read(Path file, Class<T> type) {
    return read(file, Json.mapper().readerFor(type));
  }

  /**
   * Reads {@code file} as a {@code type} whose every key must be present (a key may still be
   * {@code null}), for files that gvgap writes in full, such as a run's {@code spec.json}.
   *
   * @throws InputFileException naming the file, line, column and field when it is unreadable or does not fit
   */
  public static <T> T readComplete(Path file, Class<T> type) {
    return read(
        file,
        Json.mapper()
            .readerFor(type)
            .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES));
  }

  private static <T> T read(Path file, ObjectReader reader) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputFileException(JacksonErrors.unreadable(file, e), e);
    }
    try {
      T value = reader.readValue(text);
      if (value == null) {
        throw new InputFileException(
            new InputError(file, 1, 1, "", "the file is empty; expected a JSON object"), null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new InputFileException(JacksonErrors.describe(file, "", e), e);
    }
  }

  /** Writes {@code value} as pretty-printed JSON through a temporary sibling file and a rename. */
  public static void write(Path file, Object value) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(
          tmp,
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n",
          StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + " (" + e.getMessage() + ")", e);
    }
  }
}
