package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreVerdictParserTest {

  /** Normalised values are (N - 1) / 9, written here as that fraction's numerator N - 1. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      The reasoning holds.\\nScore: 7              | 6 | 7/10
      Score: 10/10                                 | 9 | 10/10
      Score: 1                                     | 0 | 1/10
      **Score:** 8                                 | 7 | 8/10
      score: 5 out of 10                           | 4 | 5/10
      Score: 3.\\nThat is all.                     | 2 | 3/10
      Score:7/10                                   | 6 | 7/10
      SCORE : `9`                                  | 8 | 9/10
      Score: 4\\nOn reflection\\nScore: 9          | 8 | 9/10
      Score: +6                                    | 5 | 6/10
      """)
  void readsTheLastScoreAndNormalisesIt(String output, int numerator, String text) {
    Verdict verdict = ScoreVerdictParser.parse(output.replace("\\n", "\n"));
    assertThat(verdict.parsed()).as(verdict.text()).isTrue();
    assertThat(verdict.value()).isCloseTo(numerator / 9.0, within(1e-15));
    assertThat(verdict.text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      Score: 11                          | outside 1 to 10
      Score: 0                           | outside 1 to 10
      Score: 9\\nScore: 11               | outside 1 to 10
      Score: 7.5                         | not an integer
      Score: -3                          | outside 1 to 10
      Score: 100                         | outside 1 to 10
      Score: 99999999999999999999        | outside 1 to 10
      Score: 8/5                         | not out of 10
      Score: 8 out of 100                | not out of 10
      ''                                 | no line "Score: N"
      Score: seven                       | no line "Score: N"
      Scores: 7                          | no line "Score: N"
      The score is 7                     | no line "Score: N"
      Score: 7th                         | no line "Score: N"
      """)
  void invalidScoresAreFailuresWithTheReason(String output, String reason) {
    Verdict verdict = ScoreVerdictParser.parse(output.replace("\\n", "\n"));
    assertThat(verdict.parsed()).isFalse();
    assertThat(verdict.value()).isNaN();
    assertThat(verdict.text()).contains(reason);
  }
}
