package io.gvgap.onnx.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharVocabularyTest {
  @TempDir
  Path dir;

  @Test
  void djlLoadsTheWrittenTokenizerAndEncodesOneIdPerCharacter() throws Exception {
    CharVocabulary vocabulary = CharVocabulary.printableAscii();
    Path file = dir.resolve("tokenizer.json");
    Files.writeString(
        file, new ObjectMapper().writeValueAsString(vocabulary.tokenizerJson(new ObjectMapper())));
    String text = "Q: 12+30 = ?\nA: 42 ~";
    try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(file, Map.of())) {
      Encoding encoding = tokenizer.encode(text, false, false);
      long[] expected = text.chars().mapToLong(c -> vocabulary.id((char) c)).toArray();
      assertThat(encoding.getIds()).containsExactly(expected);
      // '\n' is alphabet position 0 -> id 2; ' ' position 1 -> id 3; 'A' is ' ' + 33 -> id 3 + 33
      assertThat(vocabulary.id('\n')).isEqualTo(2);
      assertThat(vocabulary.id('A')).isEqualTo(36);
      assertThat(tokenizer.decode(expected, true)).isEqualTo(text);
      assertThat(tokenizer.encode("é", false, false).getIds())
          .containsExactly(CharVocabulary.UNKNOWN_ID);
      assertThat(tokenizer.decode(new long[] {36, CharVocabulary.END_OF_TEXT_ID}, true))
          .isEqualTo("A");
    }
  }

  @Test
  void repeatedCharactersAreRejected() {
    assertThatThrownBy(() -> new CharVocabulary("abca"))
        .hasMessageContaining("repeats character 'a'");
    assertThat(CharVocabulary.printableAscii().size()).isEqualTo(98);
  }
}
