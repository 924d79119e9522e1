package com.example.reverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What the conformance kit cannot know: this task's answers, read by hand. */
class ReverseWordTaskTest {

  private final ReverseWordTask task = new ReverseWordTask(4);
  private final Example stone = new Example("w0", "Reverse the letters of the word \"stone\".", "enots");

  @Test
  void theReferenceIsTheWordReversed() {
    Example example = task.examples(new ExampleRequest(1, 0)).get(0);
    String word = example.question().replaceAll(".*\"(\\w+)\".*", "$1");
    assertThat(word).hasSize(4);
    // reversing by hand, letter by letter
    String reversed = "" + word.charAt(3) + word.charAt(2) + word.charAt(1) + word.charAt(0);
    assertThat(example.reference()).isEqualTo(reversed);
  }

  @Test
  void theAnswerIsTheFirstNonBlankLineAsAPlainWord() {
    assertThat(task.extract(stone, " enots\nmore text")).isEqualTo(Answer.of("enots"));
    assertThat(task.extract(stone, "\n\n\"Enots.\"")).isEqualTo(Answer.of("enots"));
    assertThat(task.extract(stone, "e n o t s")).isEqualTo(Answer.none());
    assertThat(task.extract(stone, "")).isEqualTo(Answer.none());
  }

  @Test
  void onlyTheExactReversalScoresOne() {
    assertThat(task.utility(stone, Answer.of("enots"))).isEqualTo(1.0);
    assertThat(task.utility(stone, Answer.of("stone"))).isEqualTo(0.0);
    assertThat(task.utility(stone, Answer.none())).isEqualTo(0.0);
  }

  @Test
  void aRequestTakesAtMostThePool() {
    List<Example> all = task.examples(new ExampleRequest(Integer.MAX_VALUE, 3));
    assertThat(all).hasSize(ReverseWordTask.POOL);
  }

  @Test
  void theProviderIsRegisteredAndChecksItsOptions() {
    assertThat(ServiceLoader.load(io.gvgap.api.task.TaskProvider.class).stream()
        .map(p -> p.get().name())).contains("reverse-word");
    assertThatThrownBy(() -> new ReverseWordProvider.Options(1)).hasMessage("letters must be from 2 to 12, was 1");
  }
}
