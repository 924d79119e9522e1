package io.gvgap.tasks.gsm8k;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.TaskDataException;
import io.gvgap.tasks.common.DataFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad GSM8K file fails with the file, the line and what was expected. */
class Gsm8kDataErrorsTest {

  @TempDir
  Path dir;

  private static final String GOOD = "{\"question\": \"1+1?\", \"answer\": \"1+1=2\\n#### 2\"}";

  private void assertFails(Path file, String... fragments) {
    assertThatThrownBy(() ->
            new Gsm8kProvider().create(new Gsm8kOptions(file)).examples(new ExampleRequest(5, 0)))
        .isInstanceOf(TaskDataException.class)
        .hasMessageContainingAll(fragments);
  }

  @Test
  void lineThatIsNotJson() {
    Path file = DataFiles.write(dir, "bad.jsonl", GOOD, "{\"question\": \"x\", \"answer\": ");
    assertFails(file, file.toString(), "line 2", "not valid JSON", "\"question\": string");
  }

  @Test
  void missingField() {
    Path file = DataFiles.write(dir, "bad.jsonl", GOOD, GOOD, "{\"question\": \"x\"}");
    assertFails(file, file.toString(), "line 3", "missing field \"answer\"");
  }

  @Test
  void mistypedField() {
    Path file = DataFiles.write(dir, "bad.jsonl", "{\"question\": \"x\", \"answer\": 18}");
    assertFails(file, "line 1", "field \"answer\" must be a string, was number 18");
  }

  @Test
  void answerWithoutFinalNumber() {
    Path file =
        DataFiles.write(dir, "bad.jsonl", GOOD, "{\"question\": \"x\", \"answer\": \"it is 4\"}");
    assertFails(file, "line 2", "#### <number>");
  }

  @Test
  void textThatIsNotUtf8IsNamedByLine() throws java.io.IOException {
    byte[] good = (GOOD + "\n" + GOOD + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(good, good.length + 20);
    byte[] latin1 =
        "{\"question\": \"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    System.arraycopy(latin1, 0, bytes, good.length, latin1.length);
    Path file = java.nio.file.Files.write(
        dir.resolve("latin1.jsonl"), java.util.Arrays.copyOf(bytes, good.length + latin1.length));
    assertFails(
        file,
        file + ", line 3: not UTF-8 text (byte 0xE9, 17 bytes into the line",
        "save the gsm8k data file as" + " UTF-8",
        "\"question\": string");
    assertThatThrownBy(() ->
            new Gsm8kProvider().create(new Gsm8kOptions(file)).examples(new ExampleRequest(5, 0)))
        .hasMessageNotContaining("Input length")
        .hasMessageNotContaining("MalformedInputException");
  }

  @Test
  void emptyFile() {
    Path file = DataFiles.write(dir, "empty.jsonl", "", "  ");
    assertFails(file, file.toString(), "is empty", "\"answer\": string");
  }

  @Test
  void wrongPath() {
    Path file = dir.resolve("no/such/test.jsonl");
    assertFails(file, "test.jsonl", "does not exist", "option \"data\"");
  }
}
