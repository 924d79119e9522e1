package io.gvgap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Input and output of the JSON Lines commands: a file, or standard input / output for "-". */
final class IoFiles {

  private IoFiles() {
  }

  static Reader reader(Path input) throws IOException {
    if (input == null || input.toString().equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    try {
      return Files.newBufferedReader(input, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(input + ": no such input file");
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
}
