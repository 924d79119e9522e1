package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.store.SampleRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistillationSetBuilderTest {

  private static SampleRecord sample(String example, int index, String text, double utility) {
    return new SampleRecord("m", "t", example, index, text, 5, null, "stop", "1", utility);
  }

  @Test
  void keepsOneSolutionPerClusterPerPromptAndCountsTheRest() {
    String solution = "add the two numbers 20 and 22 and you get 42 as the answer";
    List<SampleRecord> kept = List.of(
        sample("a", 0, solution, 1),
        sample("a", 1, solution.toUpperCase(), 1), // exact duplicate of a/0
        sample("a", 2, solution.replace("add", "sum"), 1), // near duplicate: J = 11/13 (one substitution in 14 words)
        sample("a", 3, "take six times seven which is forty two so that is it", 1),
        sample("b", 0, solution, 1)); // same text, other prompt: kept
    DistillationSet set = new DistillationSetBuilder(DuplicateDetector.withDefaults()).build(kept);
    // prompt a: clusters {0,1,2} and {3}; prompt b: {0} → 3 kept, 5 - 3 = 2 removed
    assertThat(set.kept()).extracting(s -> s.exampleId() + "/" + s.sampleIndex()).containsExactly("a/0", "a/3", "b/0");
    assertThat(set.removed()).isEqualTo(2);
    assertThat(set.clusters()).extracting(DuplicateCluster::size).containsExactly(3, 1, 1);
  }

  @Test
  void representativeIsTheBestUtilityThenTheLowestSampleIndex() {
    String solution = "add the two numbers 20 and 22 and you get 42 as the answer";
    List<SampleRecord> kept = List.of(sample("a", 5, solution, 0.5), sample("a", 7, solution + ".", 1.0),
        sample("a", 6, solution + "!", 1.0));
    DistillationSet set = new DistillationSetBuilder(DuplicateDetector.withDefaults()).build(kept);
    assertThat(set.kept()).extracting(SampleRecord::sampleIndex).containsExactly(6);
    assertThat(set.removed()).isEqualTo(2);
  }
}
