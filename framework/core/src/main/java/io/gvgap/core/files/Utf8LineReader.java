package io.gvgap.core.files;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;

/**
 * Reads lines of UTF-8 text one at a time, decoding each line on its own: a line that is not UTF-8
 * is reported with its number ({@link #readLine()} throws, naming the source, line and column) and
 * reading goes on with the next line, so that a JSON Lines command can report every bad line.
 */
public final class Utf8LineReader implements Closeable {

  private final InputStream in;
  private final String source;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private int lineNumber;
  private boolean ended;

  /**
   * Reads from a stream.
   *
   * @param in the bytes; buffered by the caller when it is a file
   * @param source the file name (or "stdin") shown in errors
   */
  public Utf8LineReader(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /**
   * The next line without its line terminator ({@code \n} or {@code \r\n}), or null at the end.
   *
   * @throws FileSystemException naming the source and this line's number when the line is not UTF-8;
   *     the next call reads the line after it
   */
  public String readLine() throws IOException {
    if (ended) {
      return null;
    }
    line.reset();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    if (b == -1) {
      ended = true;
      if (line.size() == 0) {
        return null;
      }
    }
    lineNumber++;
    byte[] bytes = line.toByteArray();
    int length =
        bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    byte[] content = length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
    try {
      return TextFiles.decode(source, content);
    } catch (FileSystemException e) {
      throw new FileSystemException(
          source + ":" + lineNumber, null, e.getReason().replaceFirst("line 1, column", "column"));
    }
  }

  /** The number of the line last returned (or rejected), from 1. */
  public int lineNumber() {
    return lineNumber;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
