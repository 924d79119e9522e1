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
 *
 * <p>The beginning-of-sequence token follows {@code tokenizer_config.json} where it says: with
 * {@code add_bos_token} true, encoding with special tokens starts with {@code bos_token} (added if
 * the tokenizer.json's post-processor does not); with false, a {@code bos_token} that the
 * post-processor put first is left out (as the Hugging Face library's fast Llama tokenizers rebuild
 * their post-processor from these settings). Without {@code add_bos_token}, the tokenizer.json
 * decides.
 */
public final class TextTokenizer implements AutoCloseable {
  private final HuggingFaceTokenizer tokenizer;
  private final int maxId;
  /** tokenizer_config.json's add_bos_token, or null when it does not say. */
  private final Boolean addBos;
  /** The id of bos_token, or -1. */
  private final long bosId;

  private TextTokenizer(HuggingFaceTokenizer tokenizer, int maxId, Boolean addBos, long bosId) {
    this.tokenizer = tokenizer;
    this.maxId = maxId;
    this.addBos = addBos;
    this.bosId = bosId;
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
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
      maxId = maxId(root);
    } catch (IOException e) {
      throw new ModelLoadException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    Boolean addBos = null;
    long bosId = -1;
    Path configFile = directory.resolve("tokenizer_config.json");
    if (Files.isRegularFile(configFile)) {
      try {
        JsonNode config = new ObjectMapper().readTree(configFile.toFile());
        if (config.path("add_bos_token").isBoolean()) {
          addBos = config.path("add_bos_token").asBoolean();
        }
        JsonNode bos = config.path("bos_token");
        String bosToken = bos.isTextual() ? bos.asText() : bos.path("content").asText("");
        bosId = idOf(root, bosToken);
      } catch (IOException e) {
        throw new ModelLoadException(configFile + " is not valid JSON: " + e.getMessage(), e);
      }
      if (addBos != null && bosId < 0) {
        throw new ModelLoadException(configFile + " sets add_bos_token but its bos_token is not a"
            + " token of tokenizer.json; fix bos_token or drop add_bos_token");
      }
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
      return new TextTokenizer(tokenizer, maxId, addBos, bosId);
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
    long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
    if (!addSpecialTokens || addBos == null) {
      return ids;
    }
    boolean startsWithBos = ids.length > 0 && ids[0] == bosId;
    if (addBos && !startsWithBos) {
      long[] withBos = new long[ids.length + 1];
      withBos[0] = bosId;
      System.arraycopy(ids, 0, withBos, 1, ids.length);
      return withBos;
    }
    if (!addBos && startsWithBos) {
      long[] plain = tokenizer.encode(text, false, false).getIds();
      if (plain.length == 0 || plain[0] != bosId) {
        // the post-processor added it, not the text
        return java.util.Arrays.copyOfRange(ids, 1, ids.length);
      }
    }
    return ids;
  }

  /** Text of token ids, special tokens left out. */
  public String decode(long[] ids) {
    return tokenizer.decode(ids, true);
  }

  @Override
  public void close() {
    tokenizer.close();
  }

  /** The id of token {@code token} in the vocabulary or the added tokens, or -1. */
  private static long idOf(JsonNode root, String token) {
    if (token.isEmpty()) {
      return -1;
    }
    for (JsonNode added : root.path("added_tokens")) {
      if (added.path("content").asText().equals(token)) {
        return added.path("id").asLong();
      }
    }
    JsonNode vocab = root.path("model").path("vocab");
    return vocab.isObject() && vocab.has(token) ? vocab.path(token).asLong() : -1;
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
