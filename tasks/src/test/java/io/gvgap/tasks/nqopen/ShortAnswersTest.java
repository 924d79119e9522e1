package io.gvgap.tasks.nqopen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Normalisation of short answers, each expected value written by hand from the rules. */
class ShortAnswersTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The Beatles | beatles",
        "  Jane   AUSTEN. | jane austen",
        "a tale of two cities | tale of two cities",
        "Theatre | theatre",
        "U.S.A. | usa",
        "rock 'n' roll | rock n roll",
        "“Hey Jude” | hey jude",
        "Leonardo da Vinci | leonardo da vinci",
        "an apple a day | apple day",
        "A+ | a+",
        "--- | ---",
        "$1.5 million | 15 million",
      })
  void normalizes(String text, String expected) {
    assertThat(ShortAnswers.normalize(text)).isEqualTo(expected);
  }
}
