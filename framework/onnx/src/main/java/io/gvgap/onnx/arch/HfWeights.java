package io.gvgap.onnx.arch;

import io.gvgap.onnx.checkpoint.SafetensorsCheckpoint;
import io.gvgap.onnx.checkpoint.TensorInfo;
import io.gvgap.onnx.runtime.ModelLoadException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A checkpoint's weights under gvgap's canonical names, every matrix in [in, out] layout (what an
 * ONNX MatMul multiplies from the right): {@code embed.weight} [vocab, hidden], {@code
 * positions.weight} (learned positions), per layer {@code layers.i.} + {@code attn_norm}, {@code
 * q}, {@code k}, {@code v}, {@code o}, {@code post_attn_norm}, {@code mlp_norm}, {@code gate},
 * {@code up}, {@code down}, {@code post_mlp_norm} (each {@code .weight}, some {@code .bias}), then
 * {@code final_norm} and {@code lm_head.weight} [vocab, hidden] when untied. Each architecture's
 * Hugging Face names and layouts are mapped here, once: Linear weights [out, in] are transposed,
 * GPT-2's Conv1D weights are already [in, out], Phi-3's fused {@code qkv_proj} and {@code
 * gate_up_proj} are split. Every tensor's shape is checked against the config, and a tensor the
 * mapping does not use is an error (a checkpoint that does not match its architecture is refused,
 * not half-read).
 */
public final class HfWeights {
  /** Buffers some checkpoints carry that are not weights. */
  private static final Set<String> IGNORED_SUFFIXES =
      Set.of("rotary_emb.inv_freq", "attn.bias", "attn.masked_bias");

  private final ArchitectureConfig config;
  private final SafetensorsCheckpoint checkpoint;
  private final Map<String, float[]> weights = new LinkedHashMap<>();
  private final Set<String> used = new HashSet<>();
  private String prefix = "";

  private HfWeights(ArchitectureConfig config, SafetensorsCheckpoint checkpoint) {
    this.config = config;
    this.checkpoint = checkpoint;
  }

  /**
   * Reads every weight of {@code checkpoint} for {@code config}.
   *
   * @throws ModelLoadException naming the tensor when one is missing, has the wrong shape, or is
   *     not used by the architecture
   */
  public static Map<String, float[]> read(
      ArchitectureConfig config, SafetensorsCheckpoint checkpoint) {
    HfWeights reader = new HfWeights(config, checkpoint);
    reader.readAll();
    return reader.weights;
  }

  private void readAll() {
    int hidden = config.hiddenSize();
    int qWidth = config.heads() * config.headDim();
    int kvWidth = config.kvHeads() * config.headDim();
    int inner = config.intermediateSize();
    if (config.modelType().equals("gpt2")) {
      prefix = checkpoint.has("transformer.wte.weight") ? "transformer." : "";
      put("embed.weight", plain("wte.weight", config.vocabSize(), hidden));
      put("positions.weight", plain("wpe.weight", config.contextLength(), hidden));
      for (int i = 0; i < config.layers(); i++) {
        String hf = "h." + i + ".";
        String layer = "layers." + i + ".";
        norm(hf + "ln_1", layer + "attn_norm", true);
        float[] qkv = plain(hf + "attn.c_attn.weight", hidden, 3 * hidden);
        float[] qkvBias = plain(hf + "attn.c_attn.bias", 3 * hidden);
        put(layer + "q.weight", columns(qkv, hidden, 3 * hidden, 0, hidden));
        put(layer + "k.weight", columns(qkv, hidden, 3 * hidden, hidden, hidden));
        put(layer + "v.weight", columns(qkv, hidden, 3 * hidden, 2 * hidden, hidden));
        put(layer + "q.bias", Arrays.copyOfRange(qkvBias, 0, hidden));
        put(layer + "k.bias", Arrays.copyOfRange(qkvBias, hidden, 2 * hidden));
        put(layer + "v.bias", Arrays.copyOfRange(qkvBias, 2 * hidden, 3 * hidden));
        put(layer + "o.weight", plain(hf + "attn.c_proj.weight", hidden, hidden));
        put(layer + "o.bias", plain(hf + "attn.c_proj.bias", hidden));
        norm(hf + "ln_2", layer + "mlp_norm", true);
        put(layer + "up.weight", plain(hf + "mlp.c_fc.weight", hidden, inner));
        put(layer + "up.bias", plain(hf + "mlp.c_fc.bias", inner));
        put(layer + "down.weight", plain(hf + "mlp.c_proj.weight", inner, hidden));
        put(layer + "down.bias", plain(hf + "mlp.c_proj.bias", hidden));
      }
      norm("ln_f", "final_norm", true);
      if (!config.tiedEmbeddings()) {
        prefix = "";
        put("lm_head.weight", plain("lm_head.weight", config.vocabSize(), hidden));
      }
    } else {
      put("embed.weight", plain("model.embed_tokens.weight", config.vocabSize(), hidden));
      boolean gemma = config.postNorms();
      for (int i = 0; i < config.layers(); i++) {
        String hf = "model.layers." + i + ".";
        String layer = "layers." + i + ".";
        norm(hf + "input_layernorm", layer + "attn_norm", false);
        if (config.modelType().equals("phi3")) {
          float[] qkv = linear(hf + "self_attn.qkv_proj.weight", qWidth + 2 * kvWidth, hidden);
          int all = qWidth + 2 * kvWidth;
          put(layer + "q.weight", columns(qkv, hidden, all, 0, qWidth));
          put(layer + "k.weight", columns(qkv, hidden, all, qWidth, kvWidth));
          put(layer + "v.weight", columns(qkv, hidden, all, qWidth + kvWidth, kvWidth));
        } else {
          put(layer + "q.weight", linear(hf + "self_attn.q_proj.weight", qWidth, hidden));
          put(layer + "k.weight", linear(hf + "self_attn.k_proj.weight", kvWidth, hidden));
          put(layer + "v.weight", linear(hf + "self_attn.v_proj.weight", kvWidth, hidden));
        }
        if (config.attentionBias()) {
          put(layer + "q.bias", plain(hf + "self_attn.q_proj.bias", qWidth));
          put(layer + "k.bias", plain(hf + "self_attn.k_proj.bias", kvWidth));
          put(layer + "v.bias", plain(hf + "self_attn.v_proj.bias", kvWidth));
        }
        put(layer + "o.weight", linear(hf + "self_attn.o_proj.weight", hidden, qWidth));
        if (gemma) {
          norm(hf + "post_attention_layernorm", layer + "post_attn_norm", false);
          norm(hf + "pre_feedforward_layernorm", layer + "mlp_norm", false);
          norm(hf + "post_feedforward_layernorm", layer + "post_mlp_norm", false);
        } else {
          norm(hf + "post_attention_layernorm", layer + "mlp_norm", false);
        }
        if (config.modelType().equals("phi3")) {
          float[] gateUp = linear(hf + "mlp.gate_up_proj.weight", 2 * inner, hidden);
          put(layer + "gate.weight", columns(gateUp, hidden, 2 * inner, 0, inner));
          put(layer + "up.weight", columns(gateUp, hidden, 2 * inner, inner, inner));
        } else {
          put(layer + "gate.weight", linear(hf + "mlp.gate_proj.weight", inner, hidden));
          put(layer + "up.weight", linear(hf + "mlp.up_proj.weight", inner, hidden));
        }
        put(layer + "down.weight", linear(hf + "mlp.down_proj.weight", hidden, inner));
      }
      norm("model.norm", "final_norm", false);
      if (!config.tiedEmbeddings()) {
        put("lm_head.weight", plain("lm_head.weight", config.vocabSize(), hidden));
      }
    }
    for (String name : checkpoint.tensors().keySet()) {
      if (!used.contains(name) && IGNORED_SUFFIXES.stream().noneMatch(name::endsWith)) {
        if (name.equals("lm_head.weight") && config.tiedEmbeddings()) {
          continue; // some tied checkpoints also store the (equal) head
        }
        throw new ModelLoadException(checkpoint.directory() + ": tensor " + name + " is not a"
            + " weight of a " + config.modelType() + " model as config.json describes it; the"
            + " checkpoint and its config.json disagree");
      }
    }
  }

  private void norm(String hf, String canonical, boolean withBias) {
    put(canonical + ".weight", plain(hf + ".weight", config.hiddenSize()));
    if (withBias) {
      put(canonical + ".bias", plain(hf + ".bias", config.hiddenSize()));
    }
  }

  private void put(String name, float[] values) {
    weights.put(name, values);
  }

  /** A tensor as stored, its shape checked. */
  private float[] plain(String name, long... shape) {
    String full = prefix + name;
    if (!checkpoint.has(full)) {
      throw new ModelLoadException(checkpoint.directory() + ": the checkpoint has no tensor " + full
          + ", which a " + config.modelType() + " model needs");
    }
    TensorInfo info = checkpoint.info(full);
    if (!Arrays.equals(info.shape(), shape)) {
      throw new ModelLoadException(checkpoint.directory() + ": tensor " + full + " has shape "
          + Arrays.toString(info.shape()) + " but config.json implies " + Arrays.toString(shape));
    }
    used.add(full);
    return checkpoint.readFloats(full);
  }

  /** A Linear weight stored [out, in], returned [in, out]. */
  private float[] linear(String name, int out, int in) {
    float[] stored = plain(name, out, in);
    float[] transposed = new float[stored.length];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        transposed[i * out + o] = stored[o * in + i];
      }
    }
    return transposed;
  }

  /** Columns {@code from .. from + count} of a [rows, width] matrix. */
  private static float[] columns(float[] matrix, int rows, int width, int from, int count) {
    float[] part = new float[rows * count];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(matrix, r * width + from, part, r * count, count);
    }
    return part;
  }
}
