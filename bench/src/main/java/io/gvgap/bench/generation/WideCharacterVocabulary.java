package io.gvgap.bench.generation;

import io.gvgap.onnx.decoder.CharVocabulary;

/**
 * A character-level vocabulary of a chosen size, for models that need a large vocabulary (GPT-2's
 * 50,257 ids) without a trained BPE tokenizer: newline and printable ASCII first (so ASCII text
 * tokenizes exactly as with {@link CharVocabulary#printableAscii()}), then Basic Multilingual Plane
 * characters in code-point order from U+00A1, skipping surrogates. It is written as the same
 * {@code tokenizer.json} (single-character BPE tokens, no merges) that DJL and transformers.js load.
 * The embedding and LM head then have GPT-2's shape; only the tokens per character of a text differ
 * from GPT-2's BPE (one token per character).
 */
public final class WideCharacterVocabulary {
  /** The first code point after the ASCII block that gets an id (U+00A0, no-break space, is left out). */
  static final char FIRST_EXTRA = '\u00a1';

  private WideCharacterVocabulary() {}

  /**
   * A vocabulary of exactly {@code ids} ids (two special tokens plus {@code ids - 2} characters).
   *
   * @throws IllegalArgumentException when {@code ids} is below the ASCII vocabulary's 98 or above
   *     what the BMP holds
   */
  public static CharVocabulary withIds(int ids) {
    String ascii = CharVocabulary.printableAscii().alphabet();
    int characters = ids - 2;
    if (characters < ascii.length()) {
      throw new IllegalArgumentException(
          "ids must be >= " + (ascii.length() + 2) + " (the ASCII vocabulary), was " + ids);
    }
    StringBuilder alphabet = new StringBuilder(characters).append(ascii);
    for (int c = FIRST_EXTRA; alphabet.length() < characters; c++) {
      if (c > 0xFFFD) {
        throw new IllegalArgumentException(
            "ids " + ids + " is more than the Basic Multilingual Plane's characters allow");
      }
      if (!Character.isSurrogate((char) c)) {
        alphabet.append((char) c);
      }
    }
    return new CharVocabulary(alphabet.toString());
  }
}
