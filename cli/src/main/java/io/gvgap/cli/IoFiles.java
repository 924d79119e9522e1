package io.gvgap.cli;

import io.gvgap.core.files.Utf8LineReader;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Input and output of the JSON Lines commands: a file, or standard input / output for "-". */
final class IoFiles {

  private IoFiles() {}

  /**
   * A UTF-8 reader of the input; text that is not UTF-8 fails with a message naming the input.
   *
   * @throws UsageException when the input does not exist or is a directory
   */
  static Reader reader(Path input) throws IOException {
    Reader reader = new InputStreamReader(stream(input), StandardCharsets.UTF_8.newDecoder());
    return new BufferedReader(new NamedUtf8Reader(reader, name(input)));
  }

  /**
   * The input's bytes, buffered.
   *
   * @throws UsageException when the input does not exist or is a directory
   */
  static InputStream stream(Path input) throws IOException {
    if (input == null || input.toString().equals("-")) {
      return new BufferedInputStream(System.in);
    }
    if (Files.isDirectory(input)) {
      throw new UsageException(input + " is a directory, not a file; give the input file");
    }
    if (!Files.exists(input)) {
      throw new UsageException(
          input + ": no such input file (looked in " + input.toAbsolutePath().normalize() + ")");
    }
    return new BufferedInputStream(Files.newInputStream(input));
  }

  /**
   * Checks that every line of a JSON Lines input file is UTF-8 text, before a reader that would only
   * say "Input length = 1" reads it.
   *
   * @throws UsageException when the file does not exist or is a directory
   * @throws FileSystemException naming the file, the first bad line and its column
   */
  static void requireUtf8Lines(Path input) throws IOException {
    try (Utf8LineReader lines = new Utf8LineReader(stream(input), name(input))) {
      while (lines.readLine() != null) {
        // each line is decoded as it is read
      }
    }
  }

  static String name(Path input) {
    return input == null || input.toString().equals("-") ? "stdin" : input.toString();
  }

  static Writer writer(Path output) throws IOException {
    if (output == null || output.toString().equals("-")) {
      return new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
    }
    return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
  }

  /** Turns the decoder's bare "Input length = 1" into "INPUT: is not UTF-8 text; save it as UTF-8". */
  private static final class NamedUtf8Reader extends FilterReader {
    private final String name;

    NamedUtf8Reader(Reader in, String name) {
      super(in);
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (CharacterCodingException e) {
        throw notUtf8(e);
      }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (CharacterCodingException e) {
        throw notUtf8(e);
      }
    }

    private FileSystemException notUtf8(CharacterCodingException e) {
      FileSystemException named = new FileSystemException(
          name,
          null,
          "is not UTF-8 text (another encoding, such as"
              + " Latin-1 or UTF-16, or a binary file); save it as UTF-8");
      named.initCause(e);
      return named;
    }
  }
}
