package io.gvgap.onnx.checkpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The element types gvgap reads from and writes to safetensors files. */
public enum TensorType {
  /** IEEE 754 single precision. */
  F32(4),
  /** IEEE 754 half precision. */
  F16(2),
  /** bfloat16: the upper 16 bits of a single-precision value. */
  BF16(2);

  private final int bytes;

  TensorType(int bytes) {
    this.bytes = bytes;
  }

  /** Bytes of one element. */
  public int bytes() {
    return bytes;
  }

  /**
   * The type named {@code name} in a safetensors header ({@code "F32"}, {@code "F16"}, {@code
   * "BF16"}).
   *
   * @throws IllegalArgumentException naming the type and those gvgap reads, for any other (the
   *     caller adds the file and tensor)
   */
  public static TensorType fromHeader(String name) {
    for (TensorType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("dtype " + name + " is not one gvgap reads (it reads "
        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
        + "); convert the checkpoint's weights to one of them");
  }

  /** The type named {@code name} on gvgap's command line or in a spec, any case. */
  public static TensorType parse(String name) {
    return fromHeader(name.toUpperCase(Locale.ROOT));
  }
}
