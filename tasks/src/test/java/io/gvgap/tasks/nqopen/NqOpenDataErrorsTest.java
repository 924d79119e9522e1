package io.gvgap.tasks.nqopen;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.TaskDataException;
import io.gvgap.tasks.common.DataFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad NQ-open file fails with the file, the line and what was expected. */
class NqOpenDataErrorsTest {

  @TempDir
  Path dir;

  private static final String GOOD = "{\"question\": \"who?\", \"answer\": [\"me\"]}";

  private void assertFails(Path file, String... fragments) {
    assertThatThrownBy(() ->
            new NqOpenProvider().create(new NqOpenOptions(file)).examples(new ExampleRequest(5, 0)))
        .isInstanceOf(TaskDataException.class)
        .hasMessageContainingAll(fragments);
  }

  @Test
  void lineThatIsNotJson() {
    Path file = DataFiles.write(dir, "dev.jsonl", GOOD, "question: who?");
    assertFails(file, file.toString(), "line 2", "not valid JSON", "[string, ...]");
  }

  @Test
  void lineThatIsNotAnObject() {
    Path file = DataFiles.write(dir, "dev.jsonl", GOOD, "[\"who?\", [\"me\"]]");
    assertFails(file, "line 2", "not a JSON object (was array)");
  }

  @Test
  void answerThatIsAStringNotAList() {
    Path file = DataFiles.write(
        dir, "dev.jsonl", GOOD, GOOD, "{\"question\": \"who?\", \"answer\": \"me\"}");
    assertFails(
        file, "line 3", "field \"answer\" must be a non-empty array of strings, was string");
  }

  @Test
  void aliasThatIsNotAString() {
    Path file =
        DataFiles.write(dir, "dev.jsonl", "{\"question\": \"who?\", \"answer\": [\"me\", 7]}");
    assertFails(file, "line 1", "element 1 must be a string, was number 7");
  }

  @Test
  void missingQuestion() {
    Path file = DataFiles.write(dir, "dev.jsonl", GOOD, "", "{\"answer\": [\"me\"]}");
    assertFails(file, "line 3", "missing field \"question\"");
  }

  @Test
  void emptyFile() {
    Path file = DataFiles.write(dir, "dev.jsonl");
    assertFails(file, file.toString(), "is empty");
  }

  @Test
  void wrongPath() {
    assertFails(dir.resolve("dev.jsonl.missing"), "dev.jsonl.missing", "does not exist");
  }
}
