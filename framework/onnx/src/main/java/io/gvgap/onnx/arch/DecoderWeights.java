package io.gvgap.onnx.arch;

import io.gvgap.onnx.checkpoint.HalfFloats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A decoder's canonical weights ({@link HfWeights}) at a {@link WeightPrecision}: the block
 * matrices ({@code layers.i.q|k|v|o|gate|up|down.weight}) as floats (FP32; FP16 holds the values
 * half precision keeps) or block-quantised (INT8, INT4); every other weight as floats.
 *
 * @param floats weights held as floats, by canonical name
 * @param quantized block matrices held quantised, by canonical name (empty unless INT8/INT4)
 * @param precision the precision of the block matrices
 */
public record DecoderWeights(
    Map<String, float[]> floats,
    Map<String, BlockQuantizedMatrix> quantized,
    WeightPrecision precision) {
  private static final Pattern MATRIX =
      Pattern.compile("layers\\.\\d+\\.(q|k|v|o|gate|up|down)\\.weight");

  /** Copies the maps. */
  public DecoderWeights {
    floats = new LinkedHashMap<>(floats);
    quantized = new LinkedHashMap<>(quantized);
  }

  /** fp32 weights. */
  public static DecoderWeights fp32(Map<String, float[]> weights) {
    return new DecoderWeights(weights, Map.of(), WeightPrecision.FP32);
  }

  /** Whether {@code name} is a block matrix (the weights a precision applies to). */
  public static boolean isMatrix(String name) {
    return MATRIX.matcher(name).matches();
  }

  /**
   * The fp32 canonical {@code weights} of {@code config} at {@code precision}: FP16 rounds the block
   * matrices to half precision, INT8 and INT4 quantise them in blocks of {@value
   * BlockQuantizedMatrix#BLOCK}.
   */
  public static DecoderWeights of(
      ArchitectureConfig config, Map<String, float[]> weights, WeightPrecision precision) {
    Map<String, float[]> floats = new LinkedHashMap<>();
    Map<String, BlockQuantizedMatrix> quantized = new LinkedHashMap<>();
    for (Map.Entry<String, float[]> entry : weights.entrySet()) {
      String name = entry.getKey();
      float[] values = entry.getValue();
      if (!isMatrix(name) || precision == WeightPrecision.FP32) {
        floats.put(name, values);
      } else if (precision == WeightPrecision.FP16) {
        float[] rounded = new float[values.length];
        for (int i = 0; i < values.length; i++) {
          rounded[i] = HalfFloats.f16ToFloat(HalfFloats.floatToF16(values[i]));
        }
        floats.put(name, rounded);
      } else {
        int in = inputWidth(config, name);
        quantized.put(
            name, BlockQuantizedMatrix.quantize(values, in, values.length / in, precision.bits()));
      }
    }
    return new DecoderWeights(floats, quantized, precision);
  }

  /** The input width of block matrix {@code name}. */
  static int inputWidth(ArchitectureConfig config, String name) {
    if (name.endsWith(".o.weight")) {
      return config.heads() * config.headDim();
    }
    if (name.endsWith(".down.weight")) {
      return config.intermediateSize();
    }
    return config.hiddenSize();
  }

  /** The number of parameters: every float weight's values and every quantised matrix's k·n. */
  public long parameterCount() {
    long count = 0;
    for (float[] values : floats.values()) {
      count += values.length;
    }
    for (BlockQuantizedMatrix matrix : quantized.values()) {
      count += (long) matrix.k() * matrix.n();
    }
    return count;
  }

  /** Whether the weights hold {@code name}, as floats or quantised. */
  public boolean has(String name) {
    return floats.containsKey(name) || quantized.containsKey(name);
  }

  /** Float weight {@code name} (null when absent or quantised). */
  public float[] get(String name) {
    return floats.get(name);
  }
}
