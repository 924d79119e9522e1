package io.gvgap.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

  @Test
  void levenshteinMatchesHandCountedEdits() {
    // kitten -> sitten (substitute) -> sittin (substitute) -> sitting (insert): 3 edits.
    assertThat(NearestName.levenshtein("kitten", "sitting")).isEqualTo(3);
    assertThat(NearestName.levenshtein("", "abc")).isEqualTo(3);
    assertThat(NearestName.levenshtein("tau", "tau")).isZero();
    // A transposition is two edits for Levenshtein (delete + insert, or two substitutions).
    assertThat(NearestName.levenshtein("sampels", "samples")).isEqualTo(2);
  }

  @Test
  void suggestsOnlyCloseNames() {
    assertThat(NearestName.find("quantle", List.of("quantile", "threshold"))).contains("quantile");
    assertThat(NearestName.find("sampels", List.of("samples", "seed"))).contains("samples");
    // "tua" is 2 edits from "tau": more than a third of 3 letters, so no guess.
    assertThat(NearestName.find("tua", List.of("tau"))).isEmpty();
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
