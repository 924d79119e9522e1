package io.gvgap.tasks.gsm8k;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import io.gvgap.tasks.common.BenchmarkData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every GSM8K gold solution, fed back as a completion, is extracted correctly and scores 1.0. */
class Gsm8kGoldSolutionsTest {

  @Test
  void all1319GoldSolutionsScoreOne() {
    Task task =
        new Gsm8kProvider().create(new Gsm8kOptions(BenchmarkData.file("gsm8k/test.jsonl")));
    List<Example> examples = task.examples(new ExampleRequest(Integer.MAX_VALUE, 0));
    assertThat(examples).hasSize(1319);
    for (Example example : examples) {
      Answer answer = task.extract(example, example.reference());
      // independent reading of the gold: the text after the last "#### ", commas dropped, as a long
      String lastLine = example
          .reference()
          .substring(example.reference().lastIndexOf("#### ") + 5)
          .strip();
      long expected = Long.parseLong(lastLine.replace(",", ""));
      assertThat(Long.parseLong(answer.value()))
          .as("answer of line %s", example.id())
          .isEqualTo(expected);
      assertThat(task.utility(example, answer))
          .as("utility of line %s", example.id())
          .isEqualTo(1.0);
    }
  }

  @Test
  void aSubsetIsStableForASeedAndGrowsWithTheLimit() {
    Task task =
        new Gsm8kProvider().create(new Gsm8kOptions(BenchmarkData.file("gsm8k/test.jsonl")));
    List<Example> ten = task.examples(new ExampleRequest(10, 99));
    List<Example> twenty = task.examples(new ExampleRequest(20, 99));
    assertThat(ten).hasSize(10).isEqualTo(task.examples(new ExampleRequest(10, 99)));
    assertThat(twenty).hasSize(20).containsAll(ten);
  }
}
