package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryVerdictParserTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      2 + 3 = 5, matches.\\nVerdict: correct                | 1 | correct
      Verdict: incorrect                                     | 0 | incorrect
      **Verdict:** Correct                                   | 1 | correct
      **Verdict**: INCORRECT.                                | 0 | incorrect
      verdict:correct                                        | 1 | correct
      Verdict: `incorrect`                                   | 0 | incorrect
      Verdict:    correct   \\n                              | 1 | correct
      Final Verdict: **correct**                             | 1 | correct
      ### Verdict: Correct. The steps hold.                  | 1 | correct
      Verdict : "incorrect"                                  | 0 | incorrect
      Verdict: incorrect\\nWait, recheck.\\nVerdict: correct | 1 | correct
      Verdict: correct\\nOn reflection:\\nVerdict: incorrect | 0 | incorrect
      Verdict: correct\\nVerdict: correct-ish                | 1 | correct
      """)
  void readsTheLastVerdict(String output, double value, String text) {
    Verdict verdict = BinaryVerdictParser.parse(output.replace("\\n", "\n"));
    assertThat(verdict.parsed()).isTrue();
    assertThat(verdict.value()).isEqualTo(value);
    assertThat(verdict.text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "Verdict: correct-ish",
        "Verdict: correctly argued",
        "Verdict: not correct",
        "The answer is correct.",
        "myverdict: correct",
        "Verdict: incorrectness",
        "Verdict -> correct",
        "Verdict: c o r r e c t",
      })
  void anythingElseIsAFailureWithAReason(String output) {
    Verdict verdict = BinaryVerdictParser.parse(output);
    assertThat(verdict.parsed()).isFalse();
    assertThat(verdict.value()).isNaN();
    assertThat(verdict.text()).contains("Verdict: correct");
  }
}
