package io.gvgap.onnx.decoder;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The decoder's parameters by name. Names follow Hugging Face's GPT-2 state dict, so they are
 * stable and recognisable; matrices are stored [in, out] row-major (GPT-2's Conv1D layout), so a
 * linear layer computes {@code x · W + b}:
 * <ul>
 *   <li>{@code transformer.wte.weight} [vocab, width], {@code transformer.wpe.weight} [context, width]</li>
 *   <li>per block {@code i}: {@code transformer.h.i.ln_1.weight|bias} [width],
 *       {@code transformer.h.i.attn.c_attn.weight} [width, 3·width] (query, key, value columns in that
 *       order, heads contiguous within each), {@code ...c_attn.bias} [3·width],
 *       {@code transformer.h.i.attn.c_proj.weight} [width, width], {@code ...c_proj.bias} [width],
 *       {@code transformer.h.i.ln_2.weight|bias} [width], {@code transformer.h.i.mlp.c_fc.weight}
 *       [width, mlp], {@code ...c_fc.bias} [mlp], {@code transformer.h.i.mlp.c_proj.weight} [mlp, width],
 *       {@code ...c_proj.bias} [width]</li>
 *   <li>{@code transformer.ln_f.weight|bias} [width]; {@code lm_head.weight} [vocab, width] only when
 *       the embeddings are not tied</li>
 * </ul>
 */
public final class DecoderParameters {
  /** Standard deviation of GPT-2's initialisation. */
  public static final double INIT_STD = 0.02;

  private DecoderParameters() {}

  /** Every parameter's name and shape, in a fixed order. */
  public static Map<String, long[]> shapes(DecoderConfig config) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    long d = config.width();
    shapes.put("transformer.wte.weight", new long[] {config.vocabSize(), d});
    shapes.put("transformer.wpe.weight", new long[] {config.contextLength(), d});
    for (int i = 0; i < config.layers(); i++) {
      String p = "transformer.h." + i + ".";
      shapes.put(p + "ln_1.weight", new long[] {d});
      shapes.put(p + "ln_1.bias", new long[] {d});
      shapes.put(p + "attn.c_attn.weight", new long[] {d, 3 * d});
      shapes.put(p + "attn.c_attn.bias", new long[] {3 * d});
      shapes.put(p + "attn.c_proj.weight", new long[] {d, d});
      shapes.put(p + "attn.c_proj.bias", new long[] {d});
      shapes.put(p + "ln_2.weight", new long[] {d});
      shapes.put(p + "ln_2.bias", new long[] {d});
      shapes.put(p + "mlp.c_fc.weight", new long[] {d, config.mlpWidth()});
      shapes.put(p + "mlp.c_fc.bias", new long[] {config.mlpWidth()});
      shapes.put(p + "mlp.c_proj.weight", new long[] {config.mlpWidth(), d});
      shapes.put(p + "mlp.c_proj.bias", new long[] {d});
    }
    shapes.put("transformer.ln_f.weight", new long[] {d});
    shapes.put("transformer.ln_f.bias", new long[] {d});
    if (!config.tiedEmbeddings()) {
      shapes.put("lm_head.weight", new long[] {config.vocabSize(), d});
    }
    return Collections.unmodifiableMap(shapes);
  }

  /** Total number of parameters. */
  public static long count(DecoderConfig config) {
    return shapes(config).values().stream()
        .mapToLong(s -> Arrays.stream(s).reduce(1, Math::multiplyExact))
        .sum();
  }

  /**
   * GPT-2's initialisation: weights ~ N(0, 0.02), residual output projections ({@code c_proj})
   * ~ N(0, 0.02 / sqrt(2·layers)), biases 0, LayerNorm scales 1. Each parameter has its own random
   * stream derived from (seed, name), so the same seed gives the same values on every machine.
   */
  public static Map<String, float[]> random(DecoderConfig config, long seed) {
    Map<String, float[]> values = new LinkedHashMap<>();
    double residualStd = INIT_STD / Math.sqrt(2.0 * config.layers());
    for (Map.Entry<String, long[]> entry : shapes(config).entrySet()) {
      String name = entry.getKey();
      float[] data = new float
          [Math.toIntExact(Arrays.stream(entry.getValue()).reduce(1, Math::multiplyExact))];
      if (name.contains("ln_") && name.endsWith(".weight")) {
        Arrays.fill(data, 1f);
      } else if (name.endsWith(".weight")) {
        double std = name.endsWith("c_proj.weight") ? residualStd : INIT_STD;
        SplittableRandom random =
            new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
        for (int i = 0; i < data.length; i++) {
          data[i] = (float) (random.nextGaussian() * std);
        }
      }
      values.put(name, data);
    }
    return values;
  }

  /** Fails unless {@code values} has exactly this config's parameter names, each with its size. */
  public static void validate(DecoderConfig config, Map<String, float[]> values) {
    Map<String, long[]> shapes = shapes(config);
    for (Map.Entry<String, long[]> entry : shapes.entrySet()) {
      float[] data = values.get(entry.getKey());
      long expected = Arrays.stream(entry.getValue()).reduce(1, Math::multiplyExact);
      if (data == null) {
        throw new IllegalArgumentException("missing parameter '" + entry.getKey() + "' of shape "
            + Arrays.toString(entry.getValue()) + "; the names are listed in DecoderParameters");
      }
      if (data.length != expected) {
        throw new IllegalArgumentException("parameter '" + entry.getKey() + "' has " + data.length
            + " values, shape " + Arrays.toString(entry.getValue()) + " needs " + expected);
      }
    }
    for (String name : values.keySet()) {
      if (!shapes.containsKey(name)) {
        throw new IllegalArgumentException(
            "unknown parameter '" + name + "' for this config; known names are " + shapes.keySet());
      }
    }
  }
}
