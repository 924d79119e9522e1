package io.gvgap.tasks.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskDataException;
import io.gvgap.tasks.common.DataFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scoring and bad data of the math task. */
class MathTaskTest {

  @TempDir
  Path dir;

  private final Task task =
      new MathProvider().create(new MathOptions(Path.of("src/test/resources/math/sample.jsonl")));

  @Test
  void scoresCompletionsAgainstTheGoldAnswer() {
    List<Example> examples = task.examples(new ExampleRequest(100, 0));
    assertThat(examples).hasSize(16);
    Example half = examples.get(2); // "What is 0.25 + 0.5?", gold \frac{3}{4}
    assertThat(task.utility(half, task.extract(half, "so it is $\\boxed{\\dfrac{3}{4}}$")))
        .isEqualTo(1.0);
    assertThat(task.utility(half, task.extract(half, "which gives \\boxed{0.75}.")))
        .isEqualTo(1.0);
    assertThat(task.utility(half, task.extract(half, "the sum is 3/4, so \\boxed{0.7}")))
        .isEqualTo(0.0);
    assertThat(task.extract(half, "the sum is 3/4")).isEqualTo(Answer.none());
    assertThat(task.extract(half, "\\boxed{3/4}\n\nProblem: What is 1+1?\nSolution: \\boxed{2}"))
        .isEqualTo(Answer.of("3/4"));
  }

  @Test
  void scoresEquivalentFormsAsGradersDoAndKeepsAnAnswerBeforeADanglingBox() {
    List<Example> examples = task.examples(new ExampleRequest(100, 0));
    Example radical = examples.get(4); // gold 5\sqrt{2}
    assertThat(radical.question()).contains("sqrt{50}");
    assertThat(task.utility(radical, task.extract(radical, "so $\\boxed{\\sqrt{50}}$")))
        .isEqualTo(1.0);
    assertThat(task.utility(
            radical, task.extract(radical, "so \\boxed{5\\sqrt2}. To check: \\boxed{")))
        .isEqualTo(1.0);
    assertThat(task.utility(radical, task.extract(radical, "so $\\boxed{5\\sqrt{3}}$")))
        .isEqualTo(0.0);
    Example set = examples.get(10); // gold -3, 3
    assertThat(task.utility(set, task.extract(set, "$x = \\boxed{\\pm 3}$"))).isEqualTo(1.0);
    assertThat(task.utility(set, task.extract(set, "\\boxed{3, \u22123}"))).isEqualTo(1.0);
    assertThat(task.utility(set, task.extract(set, "\\boxed{3}"))).isEqualTo(0.0);
    Example point = examples.get(5); // gold (2,3)
    assertThat(task.utility(point, task.extract(point, "\\boxed{\\left(2.0, 3\\right)}")))
        .isEqualTo(1.0);
    assertThat(task.utility(point, task.extract(point, "\\boxed{(3, 2)}"))).isEqualTo(0.0);
  }

  private void assertFails(Path file, String... fragments) {
    assertThatThrownBy(() ->
            new MathProvider().create(new MathOptions(file)).examples(new ExampleRequest(5, 0)))
        .isInstanceOf(TaskDataException.class)
        .hasMessageContainingAll(fragments);
  }

  @Test
  void badDataFilesNameTheFileLineAndExpectation() {
    String good = "{\"problem\": \"1+1?\", \"solution\": \"\\\\boxed{2}\", \"answer\": \"2\"}";
    Path notJson = DataFiles.write(dir, "a.jsonl", good, "{problem: 1}");
    assertFails(notJson, notJson.toString(), "line 2", "not valid JSON", "\"solution\": string");
    assertFails(
        DataFiles.write(dir, "b.jsonl", good, good, "{\"problem\": \"x\", \"answer\": \"2\"}"),
        "line 3",
        "missing field \"solution\"");
    assertFails(
        DataFiles.write(dir, "c.jsonl", "{\"problem\": \"x\", \"solution\": \"y\", \"answer\": 2}"),
        "line 1",
        "field \"answer\" must be a string, was number 2");
    assertFails(
        DataFiles.write(
            dir, "d.jsonl", "{\"problem\": \"x\", \"solution\": \"y\", \"answer\": \"$ $\"}"),
        "line 1",
        "empty after normalisation");
    assertFails(DataFiles.write(dir, "e.jsonl", "\n\n"), "e.jsonl", "is empty");
    assertFails(dir.resolve("missing.jsonl"), "missing.jsonl", "does not exist");
  }
}
