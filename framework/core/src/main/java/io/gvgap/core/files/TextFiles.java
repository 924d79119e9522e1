package io.gvgap.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads the user's text files (specs, inputs) as UTF-8, with errors that name the file and the place. */
public final class TextFiles {

  private TextFiles() {}

  /**
   * Reads a whole UTF-8 text file.
   *
   * @throws NoSuchFileException when it does not exist
   * @throws FileSystemException naming the file, when it is a directory or is not UTF-8 text (the reason
   *     gives the line and column of the first byte that is not UTF-8)
   * @throws IOException when it cannot be read
   */
  public static String readUtf8(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(
          file.toString(), null, "is a directory, not a file; give the path of a file");
    }
    return decode(file.toString(), Files.readAllBytes(file));
  }

  /**
   * Decodes bytes as UTF-8, strictly.
   *
   * @param source the file (or "stdin") the bytes came from, for the error message
   * @throws FileSystemException naming the source, line and column when a byte sequence is not UTF-8
   */
  public static String decode(String source, byte[] bytes) throws FileSystemException {
    CharsetDecoder decoder = StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new FileSystemException(source, null, notUtf8(bytes, in.position()));
    }
    return out.flip().toString();
  }

  /** "is not UTF-8 text: line 3, column 7 has the byte 0xE9; save it as UTF-8" for the bad byte at {@code offset}. */
  static String notUtf8(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    String column = String.valueOf(countChars(bytes, lineStart, offset) + 1);
    return String.format(
        Locale.ROOT,
        "is not UTF-8 text: line %d, column %s has the byte 0x%02X (another encoding,"
            + " such as Latin-1 or UTF-16, or a binary file); save it as UTF-8",
        line,
        column,
        bytes[offset] & 0xff);
  }

  /** Characters (not bytes) between two offsets of valid UTF-8: bytes that do not continue a sequence. */
  private static int countChars(byte[] bytes, int from, int to) {
    int chars = 0;
    for (int i = from; i < to; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        chars++;
      }
    }
    return chars;
  }
}
