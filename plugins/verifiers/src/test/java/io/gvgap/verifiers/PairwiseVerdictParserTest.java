package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PairwiseVerdictParserTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      A adds correctly.\\nBetter: A    | A
      Better: B                        | B
      **Better:** B                    | B
      better: Answer A                 | A
      BETTER: (B)                      | B
      Better: A\\nHmm, no.\\nBetter: B | B
      Better: response B.              | B
      """)
  void readsTheLastPreference(String output, String letter) {
    Verdict verdict = PairwiseVerdictParser.parse(output.replace("\\n", "\n"));
    assertThat(verdict.parsed()).isTrue();
    assertThat(verdict.text()).isEqualTo(letter);
    assertThat(verdict.value()).isEqualTo(letter.equals("A") ? 1 : 0);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "Better: a lot of care is needed",
        "Better: AB",
        "Better: C",
        "A is better",
        "Better: A-ish"
      })
  void anythingElseIsAFailure(String output) {
    Verdict verdict = PairwiseVerdictParser.parse(output);
    assertThat(verdict.parsed()).isFalse();
    assertThat(verdict.text()).contains("Better: A");
  }
}
