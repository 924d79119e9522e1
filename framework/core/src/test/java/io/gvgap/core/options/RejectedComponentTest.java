package io.gvgap.core.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RejectedComponentTest {

  /** Two components, so a message must name one to be placed. */
  record Pair(int maxTokens, List<Integer> passAtK) {}

  /** One component: every rejection is about it. */
  record Single(double tau) {}

  @Test
  void aMessageStartingWithTheNameLosesItAndGainsThePath() {
    assertThat(RejectedComponent.of(Pair.class, "maxTokens must be >= 1, was 0"))
        .isEqualTo(new RejectedComponent(List.of("max_tokens"), "must be >= 1, was 0"));
    assertThat(RejectedComponent.of(Pair.class, "pass_at_k[3]: the value 4 is listed twice"))
        .isEqualTo(new RejectedComponent(List.of("pass_at_k", 3), "the value 4 is listed twice"));
  }

  @Test
  void aNameLaterInTheMessagePlacesItButKeepsTheWholeMessage() {
    assertThat(RejectedComponent.of(Pair.class, "the passAtK values must not exceed 100"))
        .isEqualTo(
            new RejectedComponent(List.of("pass_at_k"), "the passAtK values must not exceed 100"));
  }

  @Test
  void aMessageNamingNothingStaysOnTheRecordUnlessItHasOneComponent() {
    assertThat(RejectedComponent.of(Pair.class, "too big for this machine"))
        .isEqualTo(new RejectedComponent(List.of(), "too big for this machine"));
    assertThat(RejectedComponent.of(Single.class, "must be in [0, 1]"))
        .isEqualTo(new RejectedComponent(List.of("tau"), "must be in [0, 1]"));
  }

  @Test
  void aWordThatOnlyContainsANameIsNotIt() {
    assertThat(
            RejectedComponent.of(Pair.class, "maxTokensPerRow is unsupported").path())
        .isEmpty();
  }
}
