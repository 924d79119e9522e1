package io.gvgap.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads JSON Lines files of a run directory, naming file and line on any bad record. */
public final class JsonLinesReader {

  private JsonLinesReader() {}

  /**
   * Reads every complete line of {@code file} as a {@code type}. A last line without its newline is
   * a write torn by a crash and is skipped; a missing file reads as empty.
   *
   * @throws RunStoreException naming the file and line of a record that does not parse
   */
  public static <T> void read(Path file, Class<T> type, Consumer<T> consumer) {
    if (!Files.exists(file)) {
      return;
    }
    long completeBytes = completeLength(file);
    long consumed = 0;
    int lineNumber = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        consumed += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (consumed > completeBytes) {
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        try {
          consumer.accept(Json.mapper().readValue(line, type));
        } catch (JsonProcessingException e) {
          throw new RunStoreException(
              file + ":" + lineNumber + ": not a valid " + type.getSimpleName()
                  + " record (" + e.getOriginalMessage()
                  + "); the run directory is damaged: restore the line or"
                  + " start the run in a new output directory");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Whether {@code file} holds at least one complete, non-blank line (a record finished by a run). */
  public static boolean hasRecord(Path file) {
    if (!Files.exists(file)) {
      return false;
    }
    long completeBytes = completeLength(file);
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long consumed = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        consumed += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (consumed > completeBytes) {
          return false;
        }
        if (!line.isBlank()) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Truncates a torn (newline-less) last line left by a crash; returns the bytes removed. */
  public static long repairTail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    long size = Files.size(file);
    long complete = completeLength(file);
    if (complete < size) {
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.setLength(complete);
      }
    }
    return size - complete;
  }

  /** Length of the file up to and including its last newline. */
  private static long completeLength(Path file) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long pos = raf.length();
      byte[] buf = new byte[8192];
      while (pos > 0) {
        int n = (int) Math.min(buf.length, pos);
        raf.seek(pos - n);
        raf.readFully(buf, 0, n);
        for (int i = n - 1; i >= 0; i--) {
          if (buf[i] == '\n') {
            return pos - n + i + 1;
          }
        }
        pos -= n;
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
