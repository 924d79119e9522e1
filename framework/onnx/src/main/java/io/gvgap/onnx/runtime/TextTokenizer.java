package io.gvgap.onnx.runtime;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model directory's {@code tokenizer.json}, loaded through DJL's Hugging Face tokenizers from
 * the local file only (never a hub id; {@code OPT_OUT_TRACKING=true} keeps DJL off the network).
 * No truncation and no padding: the engine checks lengths and pads itself.
 */
public final class TextTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final int maxId;

  private TextTokenizer(HuggingFaceTokenizer tokenizer, int maxId) {
    this.tokenizer = tokenizer;
    this.maxId = maxId;
  }

  /** Loads {@code directory/tokenizer.json}; fails naming the file when it is missing or invalid. */
  public static TextTokenizer open(Path directory) {
    Path file = directory.resolve("tokenizer.json");
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException(
          file + " is missing: a model directory needs the Hugging Face tokenizer.json "
              + "that was exported with the model");
    }
    int maxId;
    try {
      maxId = maxId(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new ModelLoadException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    try {
      HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
          file,
          Map.of(
              "truncation",
              "false",
              "padding",
              "false",
              "modelMaxLength",
              Integer.toString(Integer.MAX_VALUE)));
      return new TextTokenizer(tokenizer, maxId);
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          file + " could not be loaded by the tokenizers library: " + e.getMessage(), e);
    }
  }

  /** The largest token id the tokenizer can produce (model vocabulary and added tokens). */
  public int maxId() {
    return maxId;
  }

  /** Token ids of a text, with the tokenizer's special tokens (a BOS) when {@code addSpecialTokens}. */
  public long[] encode(String text, boolean addSpecialTokens) {
    return tokenizer.encode(text, addSpecialTokens, false).getIds();
  }

  /** Text of token ids, special tokens left out. */
  public String decode(long[] ids) {
    return tokenizer.decode(ids, true);
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  private static int maxId(JsonNode root) {
    int max = -1;
    for (JsonNode vocabId : root.path("model").path("vocab")) {
      max = Math.max(max, vocabId.asInt(-1));
    }
    JsonNode vocab = root.path("model").path("vocab");
    if (vocab.isArray()) {
      // Unigram models list [piece, score] pairs: ids are positions
      max = Math.max(max, vocab.size() - 1);
    }
    for (JsonNode added : root.path("added_tokens")) {
      max = Math.max(max, added.path("id").asInt(-1));
    }
    return max;
  }
}
