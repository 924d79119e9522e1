package io.gvgap.onnx.arch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.checkpoint.SafetensorsWriter;
import io.gvgap.onnx.checkpoint.TensorType;
import io.gvgap.onnx.decoder.CharVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes random-weight Hugging Face checkpoints of each supported architecture in the library's
 * layout (config.json with the library's keys, safetensors with its parameter names, single or
 * sharded, tokenizer files): small (2 layers, width 64, 8 query heads over 2 key/value heads) but
 * exercising each architecture's options (llama3 rope scaling over all three frequency bands,
 * Qwen2's biases and linear scaling, Mistral's sliding window, Phi-3's fused projections, Gemma 2's
 * head width, soft-capping and alternating windows). Weights are scaled so that logits are far
 * from flat. For tests and benchmarks of the import, as {@code gvgap models init} is for gvgap's
 * own decoders.
 */
public final class RandomCheckpoints {
  /**
   * The sizes of a random checkpoint.
   *
   * @param hidden the residual width
   * @param layers decoder blocks
   * @param heads query heads (head width hidden / heads, Gemma 2 twice that)
   * @param kvHeads key/value heads
   * @param intermediate the MLP's inner width
   */
  public record Sizes(int hidden, int layers, int heads, int kvHeads, int intermediate) {}

  /** The sizes the tests use: 2 layers, width 64, 8 query heads over 2 key/value heads. */
  public static final Sizes SMALL = new Sizes(64, 2, 8, 2, 96);

  public static final int VOCAB = 98;
  public static final int CONTEXT = 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Instruct-style chat templates written into tokenizer_config.json: ChatML for qwen2 (with its
   * default system turn), Llama 3's header layout for llama.
   */
  public static final Map<String, String> CHAT_TEMPLATES = Map.of(
      "qwen2",
      "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{"
          + " '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}{{"
          + "'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' +"
          + " '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{%"
          + " endif %}",
      "llama",
      "{% for message in messages %}{% set content = '<|start_header_id|>' + message['role'] +"
          + " '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' %}{% if"
          + " loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{%"
          + " endfor %}{% if add_generation_prompt %}{{"
          + " '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}");

  private RandomCheckpoints() {}

  /** The config.json of {@code type} as the library writes it (the keys that matter). */
  public static ObjectNode config(String type) {
    return config(type, SMALL);
  }

  /** The config.json of {@code type} at {@code s}. */
  public static ObjectNode config(String type, Sizes s) {
    ObjectNode c = JSON.createObjectNode();
    c.put("model_type", type);
    c.put("vocab_size", VOCAB);
    c.put("bos_token_id", 0);
    c.put("eos_token_id", 0);
    c.put("torch_dtype", "bfloat16");
    if (type.equals("gpt2")) {
      c.putArray("architectures").add("GPT2LMHeadModel");
      c.put("n_embd", s.hidden());
      c.put("n_layer", s.layers());
      c.put("n_head", s.heads());
      c.put("n_positions", CONTEXT);
      c.putNull("n_inner");
      c.put("activation_function", "gelu_new");
      c.put("layer_norm_epsilon", 1e-5);
      return c;
    }
    c.put("hidden_size", s.hidden());
    c.put("intermediate_size", s.intermediate());
    c.put("num_hidden_layers", s.layers());
    c.put("num_attention_heads", s.heads());
    c.put("num_key_value_heads", s.kvHeads());
    c.put("max_position_embeddings", CONTEXT);
    c.put("rms_norm_eps", 1e-5);
    c.put("hidden_act", "silu");
    c.put("rope_theta", 10000.0);
    c.put("tie_word_embeddings", false);
    switch (type) {
      case "llama" -> {
        c.putArray("architectures").add("LlamaForCausalLM");
        c.put("attention_bias", false);
        c.put("mlp_bias", false);
        // head_dim 8: frequencies 1, 0.1, 0.01, 0.001 fall in all three llama3 bands
        ObjectNode scaling = c.putObject("rope_scaling");
        scaling.put("rope_type", "llama3");
        scaling.put("factor", 8.0);
        scaling.put("low_freq_factor", 1.0);
        scaling.put("high_freq_factor", 4.0);
        scaling.put("original_max_position_embeddings", 64);
      }
      case "qwen2" -> {
        c.putArray("architectures").add("Qwen2ForCausalLM");
        c.put("rope_theta", 1000000.0);
        c.put("tie_word_embeddings", true);
        c.put("use_sliding_window", false);
        ObjectNode scaling = c.putObject("rope_scaling");
        scaling.put("type", "linear");
        scaling.put("factor", 2.0);
      }
      case "mistral" -> {
        c.putArray("architectures").add("MistralForCausalLM");
        c.put("sliding_window", 12);
      }
      case "phi3" -> {
        c.putArray("architectures").add("Phi3ForCausalLM");
        c.putNull("rope_scaling");
        c.put("sliding_window", 2047);
      }
      case "gemma2" -> {
        c.putArray("architectures").add("Gemma2ForCausalLM");
        c.remove("hidden_act");
        c.put("hidden_activation", "gelu_pytorch_tanh");
        c.put("head_dim", 2 * s.hidden() / s.heads()); // heads x head_dim = twice the width
        c.put("query_pre_attn_scalar", 2 * s.hidden() / s.heads());
        c.put("attn_logit_softcapping", 50.0);
        c.put("final_logit_softcapping", 30.0);
        c.put("sliding_window", 8);
        c.put("tie_word_embeddings", true);
      }
      default -> throw new IllegalArgumentException(type);
    }
    return c;
  }

  /**
   * Writes a checkpoint of {@code type} ({@link HfConfigReader#SUPPORTED}) into {@code dir} in
   * {@code dtype}, sharded at {@code maxShardBytes}, weights drawn from {@code seed}; returns dir.
   */
  public static Path write(Path dir, String type, TensorType dtype, long maxShardBytes, long seed)
      throws IOException {
    return write(dir, type, dtype, maxShardBytes, seed, SMALL);
  }

  /** {@link #write(Path, String, TensorType, long, long)} at sizes {@code s}. */
  public static Path write(
      Path dir, String type, TensorType dtype, long maxShardBytes, long seed, Sizes s)
      throws IOException {
    Files.createDirectories(dir);
    ObjectNode config = config(type, s);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("config.json").toFile(), config);
    CharVocabulary vocabulary = CharVocabulary.printableAscii();
    JSON.writeValue(dir.resolve("tokenizer.json").toFile(), vocabulary.tokenizerJson(JSON));
    ObjectNode tokenizerConfig = vocabulary.tokenizerConfigJson(JSON, CONTEXT);
    if (CHAT_TEMPLATES.containsKey(type)) {
      tokenizerConfig.put("chat_template", CHAT_TEMPLATES.get(type));
    }
    JSON.writeValue(dir.resolve("tokenizer_config.json").toFile(), tokenizerConfig);
    SafetensorsWriter.writeCheckpoint(dir, tensors(type, config, seed, s), dtype, maxShardBytes);
    return dir;
  }

  private static Map<String, SafetensorsWriter.Tensor> tensors(
      String type, ObjectNode config, long seed, Sizes s) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, SafetensorsWriter.Tensor> t = new LinkedHashMap<>();
    int headDim = config.path("head_dim").asInt(s.hidden() / s.heads());
    int q = s.heads() * headDim;
    int kv = s.kvHeads() * headDim;
    if (type.equals("gpt2")) {
      String p = "transformer.";
      // tied head: a smaller embedding keeps logits from being one-hot
      t.put(p + "wte.weight", gaussian(random, 0.3, VOCAB, s.hidden()));
      t.put(p + "wpe.weight", gaussian(random, 0.5, CONTEXT, s.hidden()));
      for (int i = 0; i < s.layers(); i++) {
        String l = p + "h." + i + ".";
        layerNorm(t, random, s, l + "ln_1");
        t.put(
            l + "attn.c_attn.weight",
            gaussian(random, 1 / Math.sqrt(s.hidden()), s.hidden(), 3 * s.hidden()));
        t.put(l + "attn.c_attn.bias", gaussian(random, 0.1, 3 * s.hidden()));
        t.put(
            l + "attn.c_proj.weight",
            gaussian(random, 1 / Math.sqrt(s.hidden()), s.hidden(), s.hidden()));
        t.put(l + "attn.c_proj.bias", gaussian(random, 0.1, s.hidden()));
        layerNorm(t, random, s, l + "ln_2");
        t.put(
            l + "mlp.c_fc.weight",
            gaussian(random, 1 / Math.sqrt(s.hidden()), s.hidden(), 4 * s.hidden()));
        t.put(l + "mlp.c_fc.bias", gaussian(random, 0.1, 4 * s.hidden()));
        t.put(
            l + "mlp.c_proj.weight",
            gaussian(random, 0.5 / Math.sqrt(s.hidden()), 4 * s.hidden(), s.hidden()));
        t.put(l + "mlp.c_proj.bias", gaussian(random, 0.1, s.hidden()));
      }
      layerNorm(t, random, s, p + "ln_f");
      return t;
    }
    boolean gemma = type.equals("gemma2");
    boolean tied = config.path("tie_word_embeddings").asBoolean();
    t.put(
        "model.embed_tokens.weight",
        gaussian(random, gemma ? 0.15 : tied ? 0.3 : 1.0, VOCAB, s.hidden()));
    for (int i = 0; i < s.layers(); i++) {
      String l = "model.layers." + i + ".";
      t.put(l + "input_layernorm.weight", rmsWeight(random, s, gemma));
      if (type.equals("phi3")) {
        t.put(l + "self_attn.qkv_proj.weight", linear(random, q + 2 * kv, s.hidden()));
      } else {
        t.put(l + "self_attn.q_proj.weight", linear(random, q, s.hidden()));
        t.put(l + "self_attn.k_proj.weight", linear(random, kv, s.hidden()));
        t.put(l + "self_attn.v_proj.weight", linear(random, kv, s.hidden()));
      }
      if (type.equals("qwen2")) {
        t.put(l + "self_attn.q_proj.bias", gaussian(random, 0.1, q));
        t.put(l + "self_attn.k_proj.bias", gaussian(random, 0.1, kv));
        t.put(l + "self_attn.v_proj.bias", gaussian(random, 0.1, kv));
      }
      t.put(l + "self_attn.o_proj.weight", linear(random, s.hidden(), q));
      t.put(l + "post_attention_layernorm.weight", rmsWeight(random, s, gemma));
      if (gemma) {
        t.put(l + "pre_feedforward_layernorm.weight", rmsWeight(random, s, true));
        t.put(l + "post_feedforward_layernorm.weight", rmsWeight(random, s, true));
      }
      if (type.equals("phi3")) {
        t.put(l + "mlp.gate_up_proj.weight", linear(random, 2 * s.intermediate(), s.hidden()));
      } else {
        t.put(l + "mlp.gate_proj.weight", linear(random, s.intermediate(), s.hidden()));
        t.put(l + "mlp.up_proj.weight", linear(random, s.intermediate(), s.hidden()));
      }
      t.put(l + "mlp.down_proj.weight", linear(random, s.hidden(), s.intermediate()));
    }
    t.put("model.norm.weight", rmsWeight(random, s, gemma));
    if (!config.path("tie_word_embeddings").asBoolean()) {
      t.put("lm_head.weight", gaussian(random, 1 / Math.sqrt(s.hidden()), VOCAB, s.hidden()));
    }
    return t;
  }

  private static void layerNorm(
      Map<String, SafetensorsWriter.Tensor> t, SplittableRandom random, Sizes s, String name) {
    t.put(name + ".weight", offset(gaussian(random, 0.1, s.hidden()), 1f));
    t.put(name + ".bias", gaussian(random, 0.1, s.hidden()));
  }

  private static SafetensorsWriter.Tensor rmsWeight(
      SplittableRandom random, Sizes s, boolean plusOne) {
    return plusOne
        ? gaussian(random, 0.1, s.hidden())
        : offset(gaussian(random, 0.1, s.hidden()), 1f);
  }

  /** A Linear weight [out, in] with standard deviation 1 / sqrt(in). */
  private static SafetensorsWriter.Tensor linear(SplittableRandom random, int out, int in) {
    return gaussian(random, 1 / Math.sqrt(in), out, in);
  }

  private static SafetensorsWriter.Tensor offset(SafetensorsWriter.Tensor tensor, float by) {
    float[] values = tensor.values();
    for (int i = 0; i < values.length; i++) {
      values[i] += by;
    }
    return tensor;
  }

  private static SafetensorsWriter.Tensor gaussian(
      SplittableRandom random, double std, long... shape) {
    long count = 1;
    for (long dim : shape) {
      count *= dim;
    }
    float[] values = new float[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * std);
    }
    return new SafetensorsWriter.Tensor(shape, values);
  }
}
