package io.gvgap.onnx.arch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.runtime.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a Hugging Face {@code config.json} into an {@link ArchitectureConfig}, for the model types
 * gvgap implements ({@link #SUPPORTED}). Defaults are the library's for each type; a value gvgap
 * does not implement (an unknown {@code model_type}, a rope scaling type, an activation, a
 * quantisation config, ...) is an error that names the file, the field and what gvgap supports.
 */
public final class HfConfigReader {
  /** The model types gvgap reads. */
  public static final List<String> SUPPORTED =
      List.of("llama", "qwen2", "mistral", "phi3", "gemma2", "gpt2");

  private final Path file;
  private final JsonNode json;

  private HfConfigReader(Path file, JsonNode json) {
    this.file = file;
    this.json = json;
  }

  /** Reads {@code directory/config.json}. */
  public static ArchitectureConfig read(Path directory) {
    Path file = directory.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException(
          directory + " has no config.json: it is not a Hugging Face model directory");
    }
    try {
      return parse(file, new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new ModelLoadException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Parses a config's JSON; {@code file} names it in errors. */
  public static ArchitectureConfig parse(Path file, JsonNode json) {
    return new HfConfigReader(file, json).parse();
  }

  private ArchitectureConfig parse() {
    String type = json.path("model_type").asText("");
    if (!SUPPORTED.contains(type)) {
      throw new ModelLoadException(file + ": model_type \"" + type + "\" is not an architecture"
          + " gvgap implements; it implements " + String.join(", ", SUPPORTED));
    }
    if (json.hasNonNull("quantization_config")) {
      throw new ModelLoadException(file + ": quantization_config ("
          + json.path("quantization_config").path("quant_method").asText("?") + ") is set; gvgap"
          + " imports unquantised weights (F32, F16, BF16) and quantises them itself"
          + " (--weights int8|int4)");
    }
    return switch (type) {
      case "gpt2" -> gpt2();
      case "gemma2" -> gemma2();
      default -> llamaLike(type);
    };
  }

  private ArchitectureConfig llamaLike(String type) {
    int hidden = required("hidden_size");
    int heads = required("num_attention_heads");
    int kvHeads = optional("num_key_value_heads", heads);
    int headDim = optional("head_dim", hidden / heads);
    requireActivation("hidden_act", "silu");
    if (json.path("attention_bias").asBoolean(false) && !type.equals("qwen2")) {
      refuse("attention_bias", "true", "false (the published " + type + " checkpoints)");
    }
    if (json.path("mlp_bias").asBoolean(false)) {
      refuse("mlp_bias", "true", "false");
    }
    if (type.equals("qwen2") && json.path("use_sliding_window").asBoolean(false)) {
      refuse("use_sliding_window", "true", "false (Qwen2's published checkpoints)");
    }
    if (type.equals("phi3")) {
      double partial = json.path("partial_rotary_factor").asDouble(1.0);
      if (partial != 1.0) {
        refuse("partial_rotary_factor", String.valueOf(partial), "1.0");
      }
    }
    int window = 0;
    if (type.equals("mistral") || type.equals("phi3")) {
      window =
          json.path("sliding_window").isNumber() ? json.path("sliding_window").asInt() : 0;
    }
    return new ArchitectureConfig(
        type,
        required("vocab_size"),
        hidden,
        required("num_hidden_layers"),
        heads,
        kvHeads,
        headDim,
        required("intermediate_size"),
        Normalization.RMS_NORM,
        (float) json.path("rms_norm_eps").asDouble(1e-6),
        Activation.SILU,
        true,
        type.equals("qwen2"),
        false,
        true,
        json.path("rope_theta").asDouble(10000),
        ropeScaling(),
        optional("max_position_embeddings", 2048),
        window,
        false,
        false,
        1f,
        (float) (1 / Math.sqrt(headDim)),
        0f,
        0f,
        json.path("tie_word_embeddings").asBoolean(false),
        tokenId("bos_token_id"),
        tokenId("eos_token_id"));
  }

  private ArchitectureConfig gemma2() {
    int hidden = required("hidden_size");
    int heads = required("num_attention_heads");
    int headDim = optional("head_dim", 256);
    String activation = json.hasNonNull("hidden_activation")
        ? json.path("hidden_activation").asText()
        : json.path("hidden_act").asText("gelu_pytorch_tanh");
    if (!activation.equals("gelu_pytorch_tanh")) {
      refuse("hidden_activation", activation, "gelu_pytorch_tanh");
    }
    double queryScalar = json.path("query_pre_attn_scalar").asDouble(headDim);
    return new ArchitectureConfig(
        "gemma2",
        required("vocab_size"),
        hidden,
        required("num_hidden_layers"),
        heads,
        optional("num_key_value_heads", heads),
        headDim,
        required("intermediate_size"),
        Normalization.RMS_NORM_PLUS_ONE,
        (float) json.path("rms_norm_eps").asDouble(1e-6),
        Activation.GELU_TANH,
        true,
        false,
        false,
        true,
        json.path("rope_theta").asDouble(10000),
        ropeScaling(),
        optional("max_position_embeddings", 8192),
        json.path("sliding_window").isNumber() ? json.path("sliding_window").asInt() : 0,
        true,
        true,
        (float) Math.sqrt(hidden),
        (float) (1 / Math.sqrt(queryScalar)),
        (float) json.path("attn_logit_softcapping").asDouble(0),
        (float) json.path("final_logit_softcapping").asDouble(0),
        json.path("tie_word_embeddings").asBoolean(true),
        tokenId("bos_token_id"),
        tokenId("eos_token_id"));
  }

  private ArchitectureConfig gpt2() {
    int hidden = required("n_embd");
    requireActivation("activation_function", "gelu_new");
    return ArchitectureConfig.gpt2(
        required("vocab_size"),
        hidden,
        required("n_layer"),
        required("n_head"),
        json.hasNonNull("n_inner") ? json.path("n_inner").asInt() : 4 * hidden,
        (float) json.path("layer_norm_epsilon").asDouble(1e-5),
        optional("n_positions", 1024),
        json.path("tie_word_embeddings").asBoolean(true),
        tokenId("bos_token_id"),
        tokenId("eos_token_id"));
  }

  private RopeScaling ropeScaling() {
    JsonNode scaling = json.path("rope_scaling");
    if (scaling.isMissingNode() || scaling.isNull()) {
      return RopeScaling.NONE;
    }
    String type = scaling.hasNonNull("rope_type")
        ? scaling.path("rope_type").asText()
        : scaling.path("type").asText("");
    double factor = scaling.path("factor").asDouble(1);
    return switch (type) {
      case "default" -> RopeScaling.NONE;
      case "linear" -> new RopeScaling("linear", factor, 0, 0, 0);
      case "llama3" ->
        new RopeScaling(
            "llama3",
            factor,
            scaling.path("low_freq_factor").asDouble(1),
            scaling.path("high_freq_factor").asDouble(4),
            scaling.path("original_max_position_embeddings").asInt(8192));
      default ->
        throw new ModelLoadException(file + ": rope_scaling type \"" + type + "\" is not"
            + " implemented by gvgap; it implements linear and llama3 (and none)");
    };
  }

  private void requireActivation(String field, String expected) {
    String actual = json.path(field).asText(expected);
    if (!actual.equals(expected)) {
      refuse(field, actual, expected);
    }
  }

  private void refuse(String field, String value, String supported) {
    throw new ModelLoadException(file + ": " + field + " = " + value + " is not implemented by"
        + " gvgap for model_type " + json.path("model_type").asText() + "; it implements "
        + supported);
  }

  private int required(String field) {
    JsonNode value = json.path(field);
    if (!value.canConvertToInt() || value.asInt() < 1) {
      throw new ModelLoadException(
          file + ": field \"" + field + "\" must be a positive integer, was " + value);
    }
    return value.asInt();
  }

  private int optional(String field, int fallback) {
    return json.hasNonNull(field) ? required(field) : fallback;
  }

  private long tokenId(String field) {
    JsonNode value = json.path(field);
    if (value.isArray()) {
      value = value.path(0); // several end ids (Llama 3 instruct): the first is the end of text
    }
    return value.canConvertToLong() ? value.asLong() : -1;
  }
}
