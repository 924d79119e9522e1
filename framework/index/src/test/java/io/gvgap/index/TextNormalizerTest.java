package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  @Test
  void foldsCasePunctuationAndWhitespace() {
    assertThat(TextNormalizer.normalize("  The answer is 42.\n")).isEqualTo("the answer is 42");
    assertThat(TextNormalizer.normalize("the  ANSWER\tis: 42!!")).isEqualTo("the answer is 42");
    assertThat(TextNormalizer.normalize("3.5 + x = y")).isEqualTo("3 5 x y");
  }

  @Test
  void appliesNfkcBeforeLowerCasing() {
    // full-width "ＡＢ１" is NFKC-equivalent to "AB1"; the ligature "ﬁ" to "fi"
    assertThat(TextNormalizer.normalize("ＡＢ１ ﬁne")).isEqualTo("ab1 fine");
  }

  @Test
  void textWithoutLettersOrDigitsNormalisesToEmpty() {
    assertThat(TextNormalizer.normalize(" ?!... \n")).isEmpty();
  }

  @Test
  void contentHashIsSha256OfTheNormalisedText() {
    // SHA-256("abc") from FIPS 180-2, appendix B.1
    assertThat(TextNormalizer.contentHash("  A.B,C? ".replace(".", "").replace(",", "")))
        .isEqualTo(TextNormalizer.contentHash("abc"));
    assertThat(TextNormalizer.contentHash("ABC"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
