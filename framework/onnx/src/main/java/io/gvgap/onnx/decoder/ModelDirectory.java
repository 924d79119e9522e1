package io.gvgap.onnx.decoder;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.graph.ModelSerializer;
import io.gvgap.onnx.proto.OnnxProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes and reads gvgap model directories in the Hugging Face Optimum layout:
 * {@code model.onnx}, {@code config.json} (GPT-2 naming, {@code model_type: gpt2}, so GPT-2 loaders
 * such as transformers.js run it), {@code generation_config.json}, {@code tokenizer.json},
 * {@code tokenizer_config.json}, and gvgap's model card {@code gvgap-model.json}.
 *
 * <pre>{@code
 * DecoderConfig config = DecoderConfig.gpt2Like(CharVocabulary.printableAscii().size(), 256, 2, 64, 4);
 * ModelDirectory.writeRandom(Path.of("tiny"), config, CharVocabulary.printableAscii(), 42);
 * }</pre>
 */
public final class ModelDirectory {
  /** The ONNX file name in the directory. */
  public static final String MODEL_FILE = "model.onnx";
  /** gvgap's model card file name. */
  public static final String MODEL_CARD_FILE = "gvgap-model.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelDirectory() {}

  /** Writes a randomly initialised model (see {@link DecoderParameters#random}). */
  public static void writeRandom(
      Path directory, DecoderConfig config, CharVocabulary vocabulary, long seed)
      throws IOException {
    write(
        directory,
        config,
        vocabulary,
        DecoderParameters.random(config, seed),
        ModelCard.EMPTY.withInitialisation("random (GPT-2 scheme)", seed));
  }

  /**
   * Writes a model directory from parameters by name (names and shapes as in
   * {@link DecoderParameters}); {@code card}, completed with the network's shape, is its {@code gvgap-model.json}.
   */
  public static void write(
      Path directory,
      DecoderConfig config,
      CharVocabulary vocabulary,
      Map<String, float[]> parameters,
      ModelCard card)
      throws IOException {
    if (vocabulary.size() > config.vocabSize()) {
      throw new IllegalArgumentException(
          "the vocabulary has " + vocabulary.size() + " ids but the config's vocabSize is "
              + config.vocabSize() + ": make vocabSize at least the vocabulary size");
    }
    Files.createDirectories(directory);
    ModelSerializer.write(
        DecoderGraph.build(config, parameters),
        Map.of("gvgap.architecture", "gpt2"),
        directory.resolve(MODEL_FILE));
    JSON.writeValue(directory.resolve("config.json").toFile(), configJson(config));
    JSON.writeValue(directory.resolve("generation_config.json").toFile(), generationConfigJson());
    JSON.writeValue(directory.resolve("tokenizer.json").toFile(), vocabulary.tokenizerJson(JSON));
    JSON.writeValue(
        directory.resolve("tokenizer_config.json").toFile(),
        vocabulary.tokenizerConfigJson(JSON, config.contextLength()));
    JSON.writeValue(
        directory.resolve(MODEL_CARD_FILE).toFile(),
        card.withShape(
            "gvgap decoder (GPT-2 style)",
            DecoderParameters.count(config),
            config.layers(),
            config.width(),
            config.heads(),
            config.contextLength(),
            config.vocabSize()));
  }

  /**
   * Reads a model directory's card ({@code gvgap-model.json}).
   *
   * @throws IOException when the file is missing, not JSON, or a value does not fit {@link ModelCard}, naming the
   *     file and field
   */
  public static ModelCard readCard(Path directory) throws IOException {
    Path file = directory.resolve(MODEL_CARD_FILE);
    try {
      // A card is documentation: keys it does not know (notes a user added) are kept out, not
      // refused.
      return JSON.readerFor(ModelCard.class)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(file.toFile());
    } catch (JsonMappingException e) {
      StringBuilder field = new StringBuilder();
      for (JsonMappingException.Reference reference : e.getPath()) {
        field.append(
            reference.getFieldName() != null
                ? (field.length() > 0 ? "." : "") + reference.getFieldName()
                : "[" + reference.getIndex() + "]");
      }
      throw new IOException(
          file + ": " + field + ": not a valid model card value (" + e.getOriginalMessage() + ")",
          e);
    }
  }

  /** The {@code config.json} document, in Hugging Face GPT-2 naming. */
  public static ObjectNode configJson(DecoderConfig config) {
    ObjectNode root = JSON.createObjectNode();
    root.putArray("architectures").add("GPT2LMHeadModel");
    root.put("model_type", "gpt2");
    root.put("vocab_size", config.vocabSize());
    root.put("n_positions", config.contextLength());
    root.put("n_ctx", config.contextLength());
    root.put("n_embd", config.width());
    root.put("n_layer", config.layers());
    root.put("n_head", config.heads());
    root.put("n_inner", config.mlpWidth());
    root.put("activation_function", "gelu_new");
    root.put("layer_norm_epsilon", config.layerNormEpsilon());
    root.put("tie_word_embeddings", config.tiedEmbeddings());
    root.put("bos_token_id", CharVocabulary.END_OF_TEXT_ID);
    root.put("eos_token_id", CharVocabulary.END_OF_TEXT_ID);
    root.put("use_cache", true);
    return root;
  }

  private static ObjectNode generationConfigJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("bos_token_id", CharVocabulary.END_OF_TEXT_ID);
    root.put("eos_token_id", CharVocabulary.END_OF_TEXT_ID);
    root.put("pad_token_id", CharVocabulary.END_OF_TEXT_ID);
    return root;
  }

  /** Reads the decoder config back from a directory's {@code config.json}. */
  public static DecoderConfig readConfig(Path directory) throws IOException {
    var root = JSON.readTree(directory.resolve("config.json").toFile());
    int width = root.path("n_embd").asInt();
    return new DecoderConfig(
        root.path("vocab_size").asInt(),
        root.path("n_positions").asInt(),
        root.path("n_layer").asInt(),
        width,
        root.path("n_head").asInt(),
        root.path("n_inner").asInt(4 * width),
        root.path("tie_word_embeddings").asBoolean(true),
        (float) root.path("layer_norm_epsilon").asDouble(1e-5));
  }

  /**
   * Reads the float parameters back from a gvgap {@code model.onnx} (its float initializers whose
   * names are parameter names), so training can start from a written model.
   */
  public static Map<String, float[]> readParameters(Path directory) throws IOException {
    DecoderConfig config = readConfig(directory);
    Map<String, long[]> shapes = DecoderParameters.shapes(config);
    OnnxProto.ModelProto model;
    try (InputStream in = Files.newInputStream(directory.resolve(MODEL_FILE))) {
      model = OnnxProto.ModelProto.parseFrom(in);
    }
    Map<String, float[]> parameters = new LinkedHashMap<>();
    for (OnnxProto.TensorProto tensor : model.getGraph().getInitializerList()) {
      if (shapes.containsKey(tensor.getName())) {
        FloatBuffer values = tensor
            .getRawData()
            .asReadOnlyByteBuffer()
            .order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer();
        float[] data = new float[values.remaining()];
        values.get(data);
        parameters.put(tensor.getName(), data);
      }
    }
    DecoderParameters.validate(config, parameters);
    return parameters;
  }
}
