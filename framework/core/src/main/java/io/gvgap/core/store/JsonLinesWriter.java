package io.gvgap.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends records to a JSON Lines file, one whole line per write, so that a crash can leave at
 * most one torn last line, which {@link JsonLinesReader#repairTail} removes before the next append.
 */
public final class JsonLinesWriter implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;

  /** Opens the file for appending, creating it if needed, after removing a torn last line. */
  public JsonLinesWriter(Path file) {
    this.file = file;
    try {
      JsonLinesReader.repairTail(file);
      this.channel = FileChannel.open(
          file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + " for appending", e);
    }
  }

  /** Appends one record as one line. */
  public synchronized void append(Object record) {
    String line;
    try {
      line = Json.mapper().writeValueAsString(record) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + record.getClass().getSimpleName(), e);
    }
    ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  /** Forces appended lines to disk; called at the end of each batch. */
  public synchronized void sync() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }
}
