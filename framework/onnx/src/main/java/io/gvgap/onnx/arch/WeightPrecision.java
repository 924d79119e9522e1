package io.gvgap.onnx.arch;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an import stores the weight matrices of the decoder blocks (embeddings, norms and the LM head
 * stay fp32).
 */
public enum WeightPrecision {
  /** Single precision, as computed. */
  FP32,
  /**
   * Half precision in the file (half its size); ONNX Runtime widens them to fp32 when it loads the
   * model, so memory and speed are fp32's.
   */
  FP16,
  /** 8-bit codes in blocks of 32 along the input axis, one scale each (ONNX Runtime MatMulNBits). */
  INT8,
  /** 4-bit codes in blocks of 32 along the input axis, one scale each (ONNX Runtime MatMulNBits). */
  INT4;

  /** Bits per code of a block-quantised precision. */
  public int bits() {
    return switch (this) {
      case INT8 -> 8;
      case INT4 -> 4;
      default -> throw new IllegalStateException(this + " is not block-quantised");
    };
  }

  /** Whether the matrices are block-quantised (INT8, INT4). */
  public boolean quantised() {
    return this == INT8 || this == INT4;
  }

  /** The precision named {@code name} (any case), or an error listing the names. */
  public static WeightPrecision parse(String name) {
    for (WeightPrecision precision : values()) {
      if (precision.name().equalsIgnoreCase(name)) {
        return precision;
      }
    }
    throw new IllegalArgumentException("weights " + name + " is not one of "
        + Arrays.stream(values())
            .map(p -> p.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", ")));
  }
}
