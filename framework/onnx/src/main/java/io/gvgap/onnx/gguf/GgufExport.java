package io.gvgap.onnx.gguf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.arch.ArchitectureConfig;
import io.gvgap.onnx.arch.BlockQuantizedMatrix;
import io.gvgap.onnx.arch.DecoderWeights;
import io.gvgap.onnx.arch.HfConfigReader;
import io.gvgap.onnx.arch.ImportedWeights;
import io.gvgap.onnx.arch.OwnDecoders;
import io.gvgap.onnx.arch.RopeScaling;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.runtime.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exports a gvgap model directory (gvgap's own decoders, or a checkpoint imported by {@code gvgap
 * models import}) as a GGUF file that llama.cpp runs: the architecture's metadata under its
 * llama.cpp name, the weights under llama.cpp's tensor names and layouts (a matrix as [out, in]
 * rows; Llama-family query and key rows reordered from the rotate-half layout to llama.cpp's
 * interleaved rotary pairs), Llama 3's rope scaling as the {@code rope_freqs} factors, and the
 * tokenizer's vocabulary (token strings and types; text tokenisation in llama.cpp is not gvgap's,
 * so checks feed token ids). Block matrices are written F32 (dequantised when the import was
 * quantised) or F16.
 */
public final class GgufExport {
  private GgufExport() {}

  /**
   * Writes {@code directory} as GGUF to {@code file}; {@code half} writes the block matrices F16.
   * Returns the llama.cpp architecture name.
   *
   * @throws ModelLoadException when the directory is not a model gvgap exports
   */
  public static String export(Path directory, Path file, boolean half) throws IOException {
    ArchitectureConfig config;
    DecoderWeights weights;
    Path modelFile = directory.resolve(ModelDirectory.MODEL_FILE);
    if (Files.isRegularFile(directory.resolve(ModelDirectory.MODEL_CARD_FILE))) {
      DecoderConfig own = ModelDirectory.readConfig(directory);
      config = OwnDecoders.architecture(own);
      weights = DecoderWeights.fp32(
          OwnDecoders.canonicalWeights(own, ModelDirectory.readParameters(directory)));
    } else if (Files.isRegularFile(modelFile)) {
      config = HfConfigReader.read(directory);
      weights = ImportedWeights.read(modelFile);
    } else {
      throw new ModelLoadException(directory + " has no model.onnx: give a gvgap model directory"
          + " (gvgap models init/pretrain, or gvgap models import)");
    }
    String arch = switch (config.modelType()) {
      case "llama", "mistral" -> "llama";
      case "qwen2" -> "qwen2";
      case "gpt2" -> "gpt2";
      case "phi3" -> "phi3";
      case "gemma2" -> "gemma2";
      default ->
        throw new ModelLoadException(
            directory + ": exporting " + config.modelType()
                + " to GGUF is not implemented; gvgap exports llama, mistral, qwen2, phi3, gemma2, gpt2");
    };
    GgufWriter gguf = new GgufWriter();
    gguf.put("general.architecture", arch);
    gguf.put("general.name", directory.getFileName().toString());
    gguf.putUint32("general.file_type", half ? 1 : 0);
    gguf.putUint32(arch + ".context_length", config.contextLength());
    gguf.putUint32(arch + ".embedding_length", config.hiddenSize());
    gguf.putUint32(arch + ".block_count", config.layers());
    gguf.putUint32(arch + ".feed_forward_length", config.intermediateSize());
    gguf.putUint32(arch + ".attention.head_count", config.heads());
    gguf.putUint32(arch + ".attention.head_count_kv", config.kvHeads());
    if (arch.equals("gemma2")) {
      gguf.putUint32(arch + ".attention.key_length", config.headDim());
      gguf.putUint32(arch + ".attention.value_length", config.headDim());
      gguf.put(arch + ".attn_logit_softcapping", config.attentionSoftcap());
      gguf.put(arch + ".final_logit_softcapping", config.finalSoftcap());
    }
    if (config.slidingWindow() > 0 && !arch.equals("llama")) {
      gguf.putUint32(arch + ".attention.sliding_window", config.slidingWindow());
    }
    if (arch.equals("gpt2")) {
      gguf.put(arch + ".attention.layer_norm_epsilon", config.normEpsilon());
    } else {
      gguf.put(arch + ".attention.layer_norm_rms_epsilon", config.normEpsilon());
      gguf.put(arch + ".rope.freq_base", (float) config.ropeTheta());
      gguf.putUint32(arch + ".rope.dimension_count", config.headDim());
      RopeScaling scaling = config.ropeScaling();
      if (scaling.type().equals("linear")) {
        gguf.put(arch + ".rope.scaling.type", "linear");
        gguf.put(arch + ".rope.scaling.factor", (float) scaling.factor());
      }
    }
    vocabulary(gguf, directory, config, config.bosTokenId(), config.eosTokenId());
    tensors(gguf, config, weights, arch, half);
    gguf.write(file);
    return arch;
  }

  private static void tensors(
      GgufWriter gguf,
      ArchitectureConfig config,
      DecoderWeights weights,
      String arch,
      boolean half) {
    int hidden = config.hiddenSize();
    GgufWriter.TensorType matrixType = half ? GgufWriter.TensorType.F16 : GgufWriter.TensorType.F32;
    GgufWriter.TensorType f32 = GgufWriter.TensorType.F32;
    gguf.tensor("token_embd.weight", weights.get("embed.weight"), f32, hidden, config.vocabSize());
    if (weights.has("positions.weight")) {
      gguf.tensor(
          "position_embd.weight",
          weights.get("positions.weight"),
          f32,
          hidden,
          config.contextLength());
    }
    if (config.ropeScaling().type().equals("llama3")) {
      double[] plain = RopeScaling.NONE.inverseFrequencies(config.ropeTheta(), config.headDim());
      double[] scaled =
          config.ropeScaling().inverseFrequencies(config.ropeTheta(), config.headDim());
      float[] factors = new float[plain.length];
      for (int i = 0; i < factors.length; i++) {
        factors[i] = (float) (plain[i] / scaled[i]);
      }
      gguf.tensor("rope_freqs.weight", factors, f32, factors.length);
    }
    boolean permute = arch.equals("llama");
    boolean gemma = arch.equals("gemma2");
    for (int i = 0; i < config.layers(); i++) {
      String p = "layers." + i + ".";
      String blk = "blk." + i + ".";
      vector(gguf, weights, p + "attn_norm", blk + "attn_norm", gemma);
      if (arch.equals("gpt2") || arch.equals("phi3")) {
        float[] q = matrix(weights, config, p + "q.weight");
        float[] k = matrix(weights, config, p + "k.weight");
        float[] v = matrix(weights, config, p + "v.weight");
        float[] qkv = new float[q.length + k.length + v.length];
        System.arraycopy(q, 0, qkv, 0, q.length);
        System.arraycopy(k, 0, qkv, q.length, k.length);
        System.arraycopy(v, 0, qkv, q.length + k.length, v.length);
        gguf.tensor(blk + "attn_qkv.weight", qkv, matrixType, hidden, qkv.length / hidden);
        if (weights.has(p + "q.bias")) {
          float[] bias = new float[3 * hidden];
          System.arraycopy(weights.get(p + "q.bias"), 0, bias, 0, hidden);
          System.arraycopy(weights.get(p + "k.bias"), 0, bias, hidden, hidden);
          System.arraycopy(weights.get(p + "v.bias"), 0, bias, 2 * hidden, hidden);
          gguf.tensor(blk + "attn_qkv.bias", bias, f32, 3L * hidden);
        }
      } else {
        float[] q = matrix(weights, config, p + "q.weight");
        float[] k = matrix(weights, config, p + "k.weight");
        if (permute) {
          q = interleaveRotaryRows(q, config.heads(), config.headDim(), hidden);
          k = interleaveRotaryRows(k, config.kvHeads(), config.headDim(), hidden);
        }
        gguf.tensor(
            blk + "attn_q.weight", q, matrixType, hidden, (long) config.heads() * config.headDim());
        gguf.tensor(
            blk + "attn_k.weight",
            k,
            matrixType,
            hidden,
            (long) config.kvHeads() * config.headDim());
        gguf.tensor(
            blk + "attn_v.weight",
            matrix(weights, config, p + "v.weight"),
            matrixType,
            hidden,
            (long) config.kvHeads() * config.headDim());
        for (String part : List.of("q", "k", "v")) {
          if (weights.has(p + part + ".bias")) {
            gguf.tensor(
                blk + "attn_" + part + ".bias",
                weights.get(p + part + ".bias"),
                f32,
                weights.get(p + part + ".bias").length);
          }
        }
      }
      gguf.tensor(
          blk + "attn_output.weight",
          matrix(weights, config, p + "o.weight"),
          matrixType,
          (long) config.heads() * config.headDim(),
          hidden);
      if (weights.has(p + "o.bias")) {
        gguf.tensor(blk + "attn_output.bias", weights.get(p + "o.bias"), f32, hidden);
      }
      if (config.postNorms()) {
        vector(gguf, weights, p + "post_attn_norm", blk + "post_attention_norm", true);
        vector(gguf, weights, p + "post_mlp_norm", blk + "post_ffw_norm", true);
      }
      vector(gguf, weights, p + "mlp_norm", blk + "ffn_norm", gemma);
      int inner = config.intermediateSize();
      if (arch.equals("phi3")) {
        // llama.cpp's Phi-3 reads gate and up as one matrix, gate's rows first
        float[] gate = matrix(weights, config, p + "gate.weight");
        float[] up = matrix(weights, config, p + "up.weight");
        float[] gateUp = new float[gate.length + up.length];
        System.arraycopy(gate, 0, gateUp, 0, gate.length);
        System.arraycopy(up, 0, gateUp, gate.length, up.length);
        gguf.tensor(blk + "ffn_up.weight", gateUp, matrixType, hidden, 2L * inner);
      } else if (config.gatedMlp()) {
        gguf.tensor(
            blk + "ffn_gate.weight",
            matrix(weights, config, p + "gate.weight"),
            matrixType,
            hidden,
            inner);
      }
      if (!arch.equals("phi3")) {
        gguf.tensor(
            blk + "ffn_up.weight",
            matrix(weights, config, p + "up.weight"),
            matrixType,
            hidden,
            inner);
      }
      if (weights.has(p + "up.bias")) {
        gguf.tensor(blk + "ffn_up.bias", weights.get(p + "up.bias"), f32, inner);
      }
      gguf.tensor(
          blk + "ffn_down.weight",
          matrix(weights, config, p + "down.weight"),
          matrixType,
          inner,
          hidden);
      if (weights.has(p + "down.bias")) {
        gguf.tensor(blk + "ffn_down.bias", weights.get(p + "down.bias"), f32, hidden);
      }
    }
    vector(gguf, weights, "final_norm", "output_norm", gemma);
    if (weights.has("lm_head.weight")) {
      gguf.tensor("output.weight", weights.get("lm_head.weight"), f32, hidden, config.vocabSize());
    }
  }

  private static void vector(
      GgufWriter gguf, DecoderWeights weights, String canonical, String name, boolean plusOne) {
    float[] weight = weights.get(canonical + ".weight");
    if (plusOne) {
      // Gemma's norms scale by 1 + w; llama.cpp multiplies by the stored weight
      float[] shifted = new float[weight.length];
      for (int i = 0; i < weight.length; i++) {
        shifted[i] = 1f + weight[i];
      }
      weight = shifted;
    }
    gguf.tensor(name + ".weight", weight, GgufWriter.TensorType.F32, weight.length);
    if (weights.has(canonical + ".bias")) {
      float[] bias = weights.get(canonical + ".bias");
      gguf.tensor(name + ".bias", bias, GgufWriter.TensorType.F32, bias.length);
    }
  }

  /** A block matrix as llama.cpp stores it: [out, in] rows (canonical is [in, out]). */
  private static float[] matrix(DecoderWeights weights, ArchitectureConfig config, String name) {
    BlockQuantizedMatrix quantized = weights.quantized().get(name);
    float[] inOut = quantized != null ? quantized.dequantize() : weights.get(name);
    int in = quantized != null ? quantized.k() : inputWidth(config, name);
    int out = inOut.length / in;
    float[] outIn = new float[inOut.length];
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        outIn[o * in + i] = inOut[i * out + o];
      }
    }
    return outIn;
  }

  private static int inputWidth(ArchitectureConfig config, String name) {
    if (name.endsWith(".o.weight")) {
      return config.heads() * config.headDim();
    }
    if (name.endsWith(".down.weight")) {
      return config.intermediateSize();
    }
    return config.hiddenSize();
  }

  /**
   * Rows of a query or key projection ([heads · headDim, in]) reordered from the rotate-half
   * layout (a head's first half of dimensions, then its second) to interleaved pairs (dimension j
   * of the first half next to dimension j of the second), which llama.cpp's Llama rotary expects.
   */
  static float[] interleaveRotaryRows(float[] rows, int heads, int headDim, int in) {
    float[] out = new float[rows.length];
    int half = headDim / 2;
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < half; j++) {
        for (int part = 0; part < 2; part++) {
          int from = h * headDim + part * half + j;
          int to = h * headDim + 2 * j + part;
          System.arraycopy(rows, from * in, out, to * in, in);
        }
      }
    }
    return out;
  }

  /** The tokenizer's vocabulary: tokens by id, control tokens typed, BOS/EOS ids. */
  private static void vocabulary(
      GgufWriter gguf, Path directory, ArchitectureConfig config, long bos, long eos)
      throws IOException {
    JsonNode tokenizer =
        new ObjectMapper().readTree(directory.resolve("tokenizer.json").toFile());
    Map<Integer, String> byId = new TreeMap<>();
    tokenizer
        .path("model")
        .path("vocab")
        .fields()
        .forEachRemaining(e -> byId.put(e.getValue().asInt(), e.getKey()));
    Map<Integer, Boolean> special = new TreeMap<>();
    for (JsonNode added : tokenizer.path("added_tokens")) {
      byId.put(added.path("id").asInt(), added.path("content").asText());
      special.put(added.path("id").asInt(), added.path("special").asBoolean(true));
    }
    List<String> tokens = new ArrayList<>();
    int[] types = new int[config.vocabSize()];
    for (int id = 0; id < config.vocabSize(); id++) {
      String token = byId.get(id);
      tokens.add(token != null ? token : "[PAD" + id + "]");
      types[id] = token == null ? 5 : special.getOrDefault(id, false) ? 3 : 1;
    }
    gguf.put("tokenizer.ggml.model", "gpt2");
    gguf.put("tokenizer.ggml.pre", "default");
    gguf.putStrings("tokenizer.ggml.tokens", tokens);
    gguf.putInts("tokenizer.ggml.token_type", types);
    gguf.putStrings("tokenizer.ggml.merges", List.of());
    if (bos >= 0) {
      gguf.putUint32("tokenizer.ggml.bos_token_id", bos);
    }
    if (eos >= 0) {
      gguf.putUint32("tokenizer.ggml.eos_token_id", eos);
    }
    gguf.put("tokenizer.ggml.add_bos_token", false);
  }
}
