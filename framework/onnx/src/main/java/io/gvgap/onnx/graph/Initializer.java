package io.gvgap.onnx.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * A constant tensor stored in the graph (a weight, or a small constant such as a shape).
 * Exactly one of {@code floats}, {@code longs} and {@code bytes} is non-null, matching {@code
 * type}.
 *
 * @param name the value's name in the graph; for model weights, the stable parameter name
 * @param type {@link ElementType#FLOAT} or {@link ElementType#INT64}
 * @param shape the tensor's shape; empty for a scalar
 * @param floats the values in row-major order when the type is FLOAT, else null
 * @param longs the values in row-major order when the type is INT64, else null
 * @param bytes the raw little-endian data when the type is UINT8 (one byte a value) or FLOAT16
 *     (two), else null
 */
public record Initializer(
    String name, ElementType type, long[] shape, float[] floats, long[] longs, byte[] bytes) {
  /** Validates that the data matches the type and the shape's element count. */
  public Initializer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    shape = shape.clone();
    long count = elementCount(shape);
    int length;
    int arrays = (floats == null ? 0 : 1) + (longs == null ? 0 : 1) + (bytes == null ? 0 : 1);
    if (type == ElementType.FLOAT && floats != null && arrays == 1) {
      length = floats.length;
    } else if (type == ElementType.INT64 && longs != null && arrays == 1) {
      length = longs.length;
    } else if (type == ElementType.UINT8 && bytes != null && arrays == 1) {
      length = bytes.length;
    } else if (type == ElementType.FLOAT16
        && bytes != null
        && arrays == 1
        && bytes.length % 2 == 0) {
      length = bytes.length / 2;
    } else {
      throw new IllegalArgumentException(
          "initializer '" + name + "': type " + type + " needs exactly its own data array");
    }
    if (length != count) {
      throw new IllegalArgumentException("initializer '" + name + "': shape "
          + Arrays.toString(shape) + " holds " + count + " values, data has " + length);
    }
  }

  /** A float tensor; the array is used as is, not copied (weights can be large). */
  public static Initializer ofFloats(String name, float[] values, long... shape) {
    return new Initializer(name, ElementType.FLOAT, shape, values, null, null);
  }

  /** An int64 tensor; the array is used as is, not copied. */
  public static Initializer ofLongs(String name, long[] values, long... shape) {
    return new Initializer(name, ElementType.INT64, shape, null, values, null);
  }

  /** A UINT8 or FLOAT16 initializer from its raw little-endian bytes. */
  public static Initializer ofBytes(String name, ElementType type, byte[] bytes, long... shape) {
    return new Initializer(name, type, shape, null, null, bytes);
  }

  /** The number of elements a tensor of this shape holds (1 for a scalar). */
  public static long elementCount(long[] shape) {
    long count = 1;
    for (long dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      count = Math.multiplyExact(count, dim);
    }
    return count;
  }
}
