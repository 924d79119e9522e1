package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.results.TaskSplit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The held-out split: disjoint, complete, seeded, independent of the order the task lists ids in. */
class HeldOutSplitTest {

  private static final List<String> IDS =
      IntStream.range(0, 41).mapToObj(i -> "ex-" + i).toList();

  @Test
  void theSplitsAreDisjointCoverEveryExampleAndKeepTheTasksOrder() {
    TaskSplit split = new HeldOutSplit(0.5, 7).split("arithmetic", IDS);
    // round(0.5 * 41) = 21 (Math.round rounds half up)
    assertThat(split.trainSize()).isEqualTo(21);
    assertThat(split.evalSize()).isEqualTo(20);
    assertThat(split.trainIds()).hasSize(21).doesNotContainAnyElementsOf(split.evalIds());
    Set<String> union = new HashSet<>(split.trainIds());
    union.addAll(split.evalIds());
    assertThat(union).containsExactlyInAnyOrderElementsOf(IDS);
    // each split lists its ids in the task's order
    assertThat(split.trainIds()).isSortedAccordingTo((a, b) -> IDS.indexOf(a) - IDS.indexOf(b));
    assertThat(split.evalIds()).isSortedAccordingTo((a, b) -> IDS.indexOf(a) - IDS.indexOf(b));
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    TaskSplit a = new HeldOutSplit(0.5, 7).split("t", IDS);
    TaskSplit b = new HeldOutSplit(0.5, 7).split("t", IDS);
    TaskSplit c = new HeldOutSplit(0.5, 8).split("t", IDS);
    assertThat(b).isEqualTo(a);
    assertThat(c.trainIds()).isNotEqualTo(a.trainIds());
    assertThat(c.trainHash()).isNotEqualTo(a.trainHash());
    // the task listing its examples in another order changes nothing but the listing order
    List<String> reversed = new ArrayList<>(IDS);
    Collections.reverse(reversed);
    TaskSplit d = new HeldOutSplit(0.5, 7).split("t", reversed);
    assertThat(new HashSet<>(d.trainIds())).isEqualTo(new HashSet<>(a.trainIds()));
    assertThat(d.trainHash()).isEqualTo(a.trainHash());
  }

  @Test
  void theSplitIsTheFirstSharesOfTheSortedIdsShuffledWithTheSeed() {
    // an independent statement of the rule: sort, shuffle with java.util.Random(seed), take the
    // head
    List<String> sorted = new ArrayList<>(IDS);
    Collections.sort(sorted);
    Collections.shuffle(sorted, new Random(3));
    TaskSplit split = new HeldOutSplit(0.25, 3).split("t", IDS);
    assertThat(split.trainSize()).isEqualTo(10); // round(10.25)
    assertThat(new HashSet<>(split.trainIds())).isEqualTo(new HashSet<>(sorted.subList(0, 10)));
  }

  @Test
  void theHashIsSha256OfTheSortedIdsOnePerLine() {
    // SHA-256 of "a\nb\n", as printf 'a\nb\n' | sha256sum prints it
    String expected = "911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2";
    assertThat(HeldOutSplit.hash(List.of("b", "a"))).isEqualTo(expected);
    assertThat(HeldOutSplit.hash(List.of("a", "b"))).isEqualTo(expected);
  }

  @Test
  void examplesAskingTheSameQuestionStayOnOneSide() {
    List<String> ids = IntStream.range(0, 30).mapToObj(i -> "id-" + i).toList();
    // ten questions, each asked three times
    List<String> questions =
        IntStream.range(0, 30).mapToObj(i -> "q" + (i % 10)).toList();
    TaskSplit split = new HeldOutSplit(0.5, 4).split("t", ids, questions);
    Set<String> trainQuestions = new HashSet<>();
    split.trainIds().forEach(id -> trainQuestions.add(questions.get(ids.indexOf(id))));
    Set<String> evalQuestions = new HashSet<>();
    split.evalIds().forEach(id -> evalQuestions.add(questions.get(ids.indexOf(id))));
    assertThat(trainQuestions).doesNotContainAnyElementsOf(evalQuestions);
    // whole questions until at least round(0.5 * 30) = 15 examples: 5 questions, 15 examples
    assertThat(split.trainSize()).isEqualTo(15);
    assertThat(trainQuestions).hasSize(5);
    assertThat(split.trainSize() + split.evalSize()).isEqualTo(30);
  }

  @Test
  void tooFewExamplesForTwoNonEmptySplitsAreRefused() {
    assertThatThrownBy(() -> new HeldOutSplit(0.5, 1).split("arithmetic", List.of("only")))
        .isInstanceOf(StudyException.class)
        .hasMessageContaining("task 'arithmetic' has 1 examples")
        .hasMessageContaining("improve.split.train");
    assertThatThrownBy(() -> new HeldOutSplit(1.0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
