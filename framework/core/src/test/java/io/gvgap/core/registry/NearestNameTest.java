package io.gvgap.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

  @Test
  void editDistanceMatchesHandCountedEdits() {
    // kitten -> sitten (substitute) -> sittin (substitute) -> sitting (insert): 3 edits.
    assertThat(NearestName.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestName.editDistance("", "abc")).isEqualTo(3);
    assertThat(NearestName.editDistance("tau", "tau")).isZero();
    // Swapping the adjacent "e" and "l" is one edit (plain Levenshtein would count two).
    assertThat(NearestName.editDistance("sampels", "samples")).isEqualTo(1);
    // Optimal string alignment never edits a swapped pair again, so "ca" -> "abc" costs 3 (two
    // substitutions and an insertion); unrestricted Damerau distance would be 2 (swap, then insert
    // b).
    assertThat(NearestName.editDistance("ca", "abc")).isEqualTo(3);
  }

  @Test
  void suggestsOnlyCloseNames() {
    assertThat(NearestName.find("quantle", List.of("quantile", "threshold"))).contains("quantile");
    assertThat(NearestName.find("sampels", List.of("samples", "seed"))).contains("samples");
    // "tua" is one swap from "tau"; "tex" is 2 edits, more than a third of 3 letters, so no guess.
    assertThat(NearestName.find("tua", List.of("tau"))).contains("tau");
    assertThat(NearestName.find("tex", List.of("tau"))).isEmpty();
    assertThat(NearestName.find("gsm8k", List.of("line-task"))).isEmpty();
  }

  @Test
  void ignoresCaseHyphensAndUnderscores() {
    assertThat(NearestName.find("topP", List.of("top_k", "top_p"))).contains("top_p");
    assertThat(NearestName.find("top-p", List.of("top_k", "top_p"))).contains("top_p");
  }

  @Test
  void prefersTheFirstOfEquallyCloseNames() {
    assertThat(NearestName.find("top_x", List.of("top_k", "top_p"))).contains("top_k");
  }
}
