package io.gvgap.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text that is not UTF-8 is reported with its file, line and column, never as "Input length = 1". */
class TextFilesTest {

  @TempDir
  Path temp;

  @Test
  void readsUtf8AndNamesTheLineAndColumnOfTheFirstByteThatIsNot() throws IOException {
    Path good = Files.writeString(temp.resolve("good.yaml"), "name: café\n");
    assertThat(TextFiles.readUtf8(good)).isEqualTo("name: café\n");

    // "é" (2 bytes in UTF-8) counts as one column before the Latin-1 byte 0xE9 on line 2
    byte[] latin1 = "a: é\nname: caf".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(latin1, latin1.length + 2);
    bytes[latin1.length] = (byte) 0xE9;
    bytes[latin1.length + 1] = '\n';
    Path bad = Files.write(temp.resolve("latin1.yaml"), bytes);
    assertThatThrownBy(() -> TextFiles.readUtf8(bad))
        .isInstanceOf(FileSystemException.class)
        .hasMessage(bad
            + ": is not UTF-8 text: line 2, column 10 has the byte 0xE9 (another encoding, such as"
            + " Latin-1 or UTF-16, or a binary file); save it as UTF-8")
        .hasMessageNotContaining("Input length");
  }

  @Test
  void aDirectoryIsNamed() {
    assertThatThrownBy(() -> TextFiles.readUtf8(temp))
        .isInstanceOf(FileSystemException.class)
        .hasMessage(temp + ": is a directory, not a file; give the path of a file");
  }

  @Test
  void aLineReaderReportsEachBadLineAndGoesOn() throws IOException {
    byte[] text = "one\r\ntw\u0000o\nthree".getBytes(StandardCharsets.UTF_8);
    text[7] = (byte) 0xFF;
    try (Utf8LineReader in = new Utf8LineReader(new ByteArrayInputStream(text), "in.jsonl")) {
      assertThat(in.readLine()).isEqualTo("one");
      assertThatThrownBy(in::readLine)
          .isInstanceOf(FileSystemException.class)
          .hasMessageStartingWith("in.jsonl:2: is not UTF-8 text: column 3 has the byte 0xFF");
      assertThat(in.lineNumber()).isEqualTo(2);
      assertThat(in.readLine()).isEqualTo("three");
      assertThat(in.lineNumber()).isEqualTo(3);
      assertThat(in.readLine()).isNull();
    }
  }
}
