package io.gvgap.onnx.arch;

import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * gvgap's own decoders ({@link DecoderConfig}, parameters named as {@link
 * io.gvgap.onnx.decoder.DecoderParameters}) as an {@link ArchitectureConfig} of type gpt2 with
 * canonical weights, so that the graphs built from architecture descriptions serve them too.
 */
public final class OwnDecoders {
  private OwnDecoders() {}

  /**
   * The description of a gvgap decoder: GPT-2's architecture at its sizes, its character
   * vocabulary's end of text as beginning and end of sequence (as its config.json says).
   */
  public static ArchitectureConfig architecture(DecoderConfig config) {
    return ArchitectureConfig.gpt2(
        config.vocabSize(),
        config.width(),
        config.layers(),
        config.heads(),
        config.mlpWidth(),
        config.layerNormEpsilon(),
        config.contextLength(),
        config.tiedEmbeddings(),
        CharVocabulary.END_OF_TEXT_ID,
        CharVocabulary.END_OF_TEXT_ID);
  }

  /** The parameters under canonical names ({@link HfWeights}), fused c_attn split into q, k, v. */
  public static Map<String, float[]> canonicalWeights(
      DecoderConfig config, Map<String, float[]> parameters) {
    int width = config.width();
    Map<String, float[]> weights = new LinkedHashMap<>();
    weights.put("embed.weight", parameters.get("transformer.wte.weight"));
    weights.put("positions.weight", parameters.get("transformer.wpe.weight"));
    for (int i = 0; i < config.layers(); i++) {
      String hf = "transformer.h." + i + ".";
      String layer = "layers." + i + ".";
      weights.put(layer + "attn_norm.weight", parameters.get(hf + "ln_1.weight"));
      weights.put(layer + "attn_norm.bias", parameters.get(hf + "ln_1.bias"));
      float[] qkv = parameters.get(hf + "attn.c_attn.weight");
      float[] qkvBias = parameters.get(hf + "attn.c_attn.bias");
      String[] parts = {"q", "k", "v"};
      for (int part = 0; part < 3; part++) {
        float[] columns = new float[width * width];
        for (int r = 0; r < width; r++) {
          System.arraycopy(qkv, r * 3 * width + part * width, columns, r * width, width);
        }
        weights.put(layer + parts[part] + ".weight", columns);
        weights.put(
            layer + parts[part] + ".bias",
            Arrays.copyOfRange(qkvBias, part * width, (part + 1) * width));
      }
      weights.put(layer + "o.weight", parameters.get(hf + "attn.c_proj.weight"));
      weights.put(layer + "o.bias", parameters.get(hf + "attn.c_proj.bias"));
      weights.put(layer + "mlp_norm.weight", parameters.get(hf + "ln_2.weight"));
      weights.put(layer + "mlp_norm.bias", parameters.get(hf + "ln_2.bias"));
      weights.put(layer + "up.weight", parameters.get(hf + "mlp.c_fc.weight"));
      weights.put(layer + "up.bias", parameters.get(hf + "mlp.c_fc.bias"));
      weights.put(layer + "down.weight", parameters.get(hf + "mlp.c_proj.weight"));
      weights.put(layer + "down.bias", parameters.get(hf + "mlp.c_proj.bias"));
    }
    weights.put("final_norm.weight", parameters.get("transformer.ln_f.weight"));
    weights.put("final_norm.bias", parameters.get("transformer.ln_f.bias"));
    if (!config.tiedEmbeddings()) {
      weights.put("lm_head.weight", parameters.get("lm_head.weight"));
    }
    return weights;
  }
}
