package io.gvgap.onnx.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.decoder.CharVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Reads back the {@link CharVocabulary} of a gvgap model directory from its {@code tokenizer.json}. */
public final class CharVocabularies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CharVocabularies() {}

  /**
   * The character vocabulary a gvgap model directory was written with; fails, naming the file, when
   * the tokenizer is not one gvgap wrote (only gvgap's character-level models can be trained).
   */
  public static CharVocabulary read(Path modelDirectory) throws IOException {
    Path file = modelDirectory.resolve("tokenizer.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          file + " is missing: training needs a gvgap model directory");
    }
    JsonNode vocab = JSON.readTree(file.toFile()).path("model").path("vocab");
    if (!vocab.isObject()
        || !vocab.path(CharVocabulary.END_OF_TEXT).isInt()
        || vocab.path(CharVocabulary.END_OF_TEXT).asInt() != CharVocabulary.END_OF_TEXT_ID
        || vocab.path(CharVocabulary.UNKNOWN).asInt(-1) != CharVocabulary.UNKNOWN_ID) {
      throw new IllegalArgumentException(
          file + " is not a gvgap character vocabulary (model.vocab must map "
              + CharVocabulary.END_OF_TEXT + " to 0 and " + CharVocabulary.UNKNOWN
              + " to 1): gvgap trains only the "
              + "character-level models it writes");
    }
    char[] alphabet = new char[vocab.size() - 2];
    boolean[] seen = new boolean[alphabet.length];
    for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      int id = entry.getValue().asInt();
      if (id < 2) {
        continue;
      }
      if (entry.getKey().length() != 1 || id - 2 >= alphabet.length || seen[id - 2]) {
        throw new IllegalArgumentException(file + ": vocabulary entry '" + entry.getKey() + "' -> "
            + id + " is not a single character with a unique id below " + vocab.size());
      }
      alphabet[id - 2] = entry.getKey().charAt(0);
      seen[id - 2] = true;
    }
    return new CharVocabulary(new String(alphabet));
  }
}
