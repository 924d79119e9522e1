package io.gvgap.bench.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model the generation benchmark runs: a gvgap decoder with random weights and a character-level
 * vocabulary, written as an Optimum model directory that both gvgap and transformers.js load.
 *
 * @param name short name used in the result table ({@code small}, {@code gpt2-small})
 * @param config the decoder's shape
 * @param vocabulary the characters with their own ids; {@code vocabulary.size() == config.vocabSize()}
 */
public record BenchmarkModel(String name, DecoderConfig config, CharVocabulary vocabulary) {
  /** Seed of the random weights, so every run measures the same model. */
  public static final long WEIGHT_SEED = 20240917L;
  /**
   * Factor on the (tied) token embedding of the random weights. GPT-2's initialisation gives
   * logits of standard deviation ~0.5, a nearly flat next-token distribution whose top-p nucleus
   * spans most of the vocabulary, unlike a trained model's; scaled by 8 the logits spread like a
   * trained model's (a nucleus of a few to a few dozen ids), so sampling costs what it costs in use.
   */
  public static final float EMBEDDING_SCALE = 8f;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Checks that the vocabulary fills the config's vocabulary exactly. */
  public BenchmarkModel {
    if (vocabulary.size() != config.vocabSize()) {
      throw new IllegalArgumentException("model '" + name + "': the vocabulary has "
          + vocabulary.size() + " ids but the config's vocabSize is " + config.vocabSize());
    }
  }

  /** A small gvgap decoder: printable ASCII (98 ids), 4 layers, width 256, 4 heads, context 512. */
  public static BenchmarkModel small() {
    CharVocabulary vocabulary = CharVocabulary.printableAscii();
    return new BenchmarkModel(
        "small", DecoderConfig.gpt2Like(vocabulary.size(), 512, 4, 256, 4), vocabulary);
  }

  /**
   * GPT-2-small's shape: 50,257 ids, context 1024, 12 layers, width 768, 12 heads (124 M parameters
   * with the tied LM head). Its vocabulary is character-level with 50,257 ids (see
   * {@link WideCharacterVocabulary}), so the embedding and LM head have GPT-2's size.
   */
  public static BenchmarkModel gpt2Small() {
    CharVocabulary vocabulary = WideCharacterVocabulary.withIds(50_257);
    return new BenchmarkModel(
        "gpt2-small", DecoderConfig.gpt2Like(vocabulary.size(), 1024, 12, 768, 12), vocabulary);
  }

  /** The model by name: {@code small} or {@code gpt2-small}. */
  public static BenchmarkModel named(String name) {
    return switch (name) {
      case "small" -> small();
      case "gpt2-small" -> gpt2Small();
      default ->
        throw new IllegalArgumentException(
            "unknown benchmark model '" + name + "': use 'small' or 'gpt2-small'");
    };
  }

  /**
   * Writes the model directory with random weights. The end-of-text id is removed from
   * {@code config.json} and {@code generation_config.json}, so that every sample of both
   * implementations generates exactly the workload's new tokens (random weights would otherwise end
   * some samples early, at different points in each implementation's random stream).
   */
  public void write(Path directory) throws IOException {
    Map<String, float[]> parameters = DecoderParameters.random(config, WEIGHT_SEED);
    float[] embedding = parameters.get("transformer.wte.weight");
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] *= EMBEDDING_SCALE;
    }
    ModelDirectory.write(
        directory,
        config,
        vocabulary,
        parameters,
        ModelCard.EMPTY.withInitialisation(
            "random (GPT-2 scheme) with the token embedding scaled by " + EMBEDDING_SCALE
                + " (peaked next-token distributions), for the generation benchmark; end-of-text"
                + " removed: every sample runs to max new tokens",
            WEIGHT_SEED));
    for (String file : new String[] {"config.json", "generation_config.json"}) {
      ObjectNode root = (ObjectNode) JSON.readTree(directory.resolve(file).toFile());
      root.putNull("eos_token_id");
      JSON.writeValue(directory.resolve(file).toFile(), root);
    }
  }
}
