package io.gvgap.onnx.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Facts read from a model directory's {@code config.json}, {@code generation_config.json} and
 * gvgap's {@code gvgap-model.json} (each optional).
 *
 * @param contextLength maximum positions ({@code n_positions}, {@code max_position_embeddings} or
 *     {@code n_ctx}), or -1 when none is given
 * @param eosIds end-of-sequence ids: generation_config.json's when it has the field, else config.json's
 * @param bosId beginning-of-sequence id, or -1
 * @param vocabSize {@code vocab_size}, or -1
 * @param parameters parameter count from the model card, or -1
 */
public record ModelConfig(
    int contextLength, Set<Long> eosIds, long bosId, int vocabSize, long parameters) {

  /** Reads the directory's JSON files; a file that exists but is not JSON fails naming it. */
  public static ModelConfig read(Path directory) {
    JsonNode config = json(directory.resolve("config.json"));
    JsonNode generation = json(directory.resolve("generation_config.json"));
    long parameters = -1;
    if (Files.isRegularFile(directory.resolve(ModelDirectory.MODEL_CARD_FILE))) {
      try {
        ModelCard card = ModelDirectory.readCard(directory);
        parameters = card.parameters() == null ? -1 : card.parameters();
      } catch (IOException e) {
        throw new ModelLoadException(e.getMessage(), e);
      }
    }
    int context = -1;
    for (String field : new String[] {"n_positions", "max_position_embeddings", "n_ctx"}) {
      if (config.path(field).isInt()) {
        context = config.path(field).asInt();
        break;
      }
    }
    Set<Long> eos = new LinkedHashSet<>();
    // generation_config.json wins when it has the field at all: an empty list there means "no EOS"
    addIds(eos, generation.path("eos_token_id"));
    if (!generation.has("eos_token_id")) {
      addIds(eos, config.path("eos_token_id"));
    }
    long bos =
        generation.path("bos_token_id").asLong(config.path("bos_token_id").asLong(-1));
    return new ModelConfig(
        context, Set.copyOf(eos), bos, config.path("vocab_size").asInt(-1), parameters);
  }

  private static void addIds(Set<Long> ids, JsonNode node) {
    if (node.isArray()) {
      node.forEach(id -> ids.add(id.asLong()));
    } else if (node.isIntegralNumber()) {
      ids.add(node.asLong());
    }
  }

  private static JsonNode json(Path file) {
    if (!Files.isRegularFile(file)) {
      return new ObjectMapper().createObjectNode();
    }
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new ModelLoadException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
