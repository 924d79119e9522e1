package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.runtime.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WideCharacterVocabularyTest {
  @TempDir
  Path dir;

  @Test
  void gpt2SizedVocabularyKeepsAsciiIdsAndEndsAtTheHandComputedCharacter() {
    CharVocabulary wide = WideCharacterVocabulary.withIds(50_257);
    CharVocabulary ascii = CharVocabulary.printableAscii();
    assertThat(wide.size()).isEqualTo(50_257);
    for (char c : "Q: 12 + 7 = 19\n~ ".toCharArray()) {
      assertThat(wide.id(c)).isEqualTo(ascii.id(c));
    }
    // 96 ASCII characters and 2 special ids come first, so U+00A1 gets id 98; the 50,159 further
    // characters run from U+00A1 to U+00A1 + 50,158 = U+C48F (below the surrogates at U+D800)
    assertThat(wide.id('\u00a1')).isEqualTo(98);
    assertThat(wide.id('\uc48f')).isEqualTo(50_256);
    assertThat(wide.id('\uc490')).isEqualTo(CharVocabulary.UNKNOWN_ID);
    assertThat(wide.id('\u00a0')).isEqualTo(CharVocabulary.UNKNOWN_ID);
  }

  @Test
  void largeSizesSkipTheSurrogates() {
    // 0xFFFD - 0xA1 + 1 - 2048 surrogates = 63,325 characters after ASCII: 96 + 63,325 + 2 ids at
    // most
    CharVocabulary largest = WideCharacterVocabulary.withIds(63_423);
    assertThat(largest.alphabet().chars().noneMatch(c -> Character.isSurrogate((char) c)))
        .isTrue();
    assertThat(largest.id('\ufffd')).isEqualTo(63_422);
    assertThatThrownBy(() -> WideCharacterVocabulary.withIds(63_424))
        .hasMessageContaining("Basic Multilingual Plane");
    assertThatThrownBy(() -> WideCharacterVocabulary.withIds(97))
        .hasMessageContaining("ids must be >= 98");
  }

  @Test
  void theTokenizersLibraryLoadsItAndEncodesOneIdPerCharacter() throws Exception {
    CharVocabulary wide = WideCharacterVocabulary.withIds(50_257);
    ObjectMapper json = new ObjectMapper();
    Files.writeString(
        dir.resolve("tokenizer.json"), json.writeValueAsString(wide.tokenizerJson(json)));
    try (TextTokenizer tokenizer = TextTokenizer.open(dir)) {
      assertThat(tokenizer.maxId()).isEqualTo(50_256);
      // 'A' is at alphabet index 1 + ('A' - ' ') = 34 (newline first), so id 36; U+00A1 is 98;
      // U+C48F is 50,256
      assertThat(tokenizer.encode("A\u00a1\uc48f", true)).containsExactly(36, 98, 50_256);
      assertThat(tokenizer.decode(new long[] {36, 98, 50_256})).isEqualTo("A\u00a1\uc48f");
    }
  }
}
