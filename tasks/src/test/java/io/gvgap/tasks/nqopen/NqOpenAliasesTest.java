package io.gvgap.tasks.nqopen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import io.gvgap.tasks.common.BenchmarkData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every alias of every NQ-open dev question scores 1.0; near misses score 0. */
class NqOpenAliasesTest {

  @Test
  void everyAliasOfAll3610QuestionsScoresOne() {
    Task task =
        new NqOpenProvider().create(new NqOpenOptions(BenchmarkData.file("nq-open/dev.jsonl")));
    List<Example> examples = task.examples(new ExampleRequest(Integer.MAX_VALUE, 0));
    assertThat(examples).hasSize(3610);
    int aliases = 0;
    for (Example example : examples) {
      for (String alias : NqOpenTaskAliases.of(example)) {
        Answer answer = task.extract(example, alias);
        assertThat(task.utility(example, answer))
            .as("alias %s of line %s", alias, example.id())
            .isEqualTo(1.0);
        aliases++;
      }
    }
    // every question has at least one alias, most have one or two
    assertThat(aliases).isGreaterThan(3610);
  }

  private static final Example MOON = new Example(
      "1",
      "when was the last time anyone was on the moon",
      "14 December 1972 UTC",
      Map.of(NqOpenTask.ALIASES, "[\"14 December 1972 UTC\", \"December 1972\", \"A+\"]"));

  private static double score(String completion) {
    Task task = new NqOpenTask(new NqOpenOptions(Path.of("unused.jsonl")));
    return task.utility(MOON, task.extract(MOON, completion));
  }

  @Test
  void completionsScoreAsAReaderWouldJudgeThem() {
    assertThat(score(" December 1972")).isEqualTo(1.0);
    assertThat(score("december, 1972.")).isEqualTo(1.0);
    assertThat(score("The answer is December 1972\nQ: next question?")).isEqualTo(1.0);
    assertThat(score("A: 14 December 1972 (UTC)")).isEqualTo(1.0);
    assertThat(score("a+")).isEqualTo(1.0);
    assertThat(score("A")).isEqualTo(0.0);
    assertThat(score("1972")).isEqualTo(0.0);
    assertThat(score("December 1971")).isEqualTo(0.0);
    assertThat(score("I think it was in December 1972 or so")).isEqualTo(0.0);
    Task task = new NqOpenTask(new NqOpenOptions(Path.of("unused.jsonl")));
    assertThat(task.extract(MOON, "\n\n")).isEqualTo(Answer.none());
    assertThat(task.extract(MOON, "Answer:")).isEqualTo(Answer.none());
  }

  @Test
  void flexibleMatchingFindsAnAliasInsideTheAnswerAsWholeWords() {
    Task flexible = new NqOpenTask(new NqOpenOptions(Path.of("unused.jsonl"), 4, "flexible"));
    Task strict = new NqOpenTask(new NqOpenOptions(Path.of("unused.jsonl")));
    String hedged = "I think it was in December 1972 or so";
    assertThat(strict.utility(MOON, strict.extract(MOON, hedged))).isEqualTo(0.0);
    assertThat(flexible.utility(MOON, flexible.extract(MOON, hedged))).isEqualTo(1.0);
    // whole words only: "December 19725" does not contain the alias "december 1972"
    assertThat(flexible.utility(MOON, flexible.extract(MOON, "December 19725"))).isEqualTo(0.0);
    // the alias must be in the first line, as the answer is
    assertThat(flexible.utility(MOON, flexible.extract(MOON, "not sure\nDecember 1972")))
        .isEqualTo(0.0);
    assertThatThrownBy(() -> new NqOpenOptions(Path.of("x.jsonl"), 4, "contains"))
        .hasMessageContaining("extraction must be strict or flexible, was contains");
  }
}
