package io.gvgap.onnx.checkpoint;

import java.util.Arrays;

/**
 * One tensor of a safetensors file, as its header describes it.
 *
 * @param name the tensor's name (the library's parameter name, e.g. {@code
 *     model.layers.0.self_attn.q_proj.weight})
 * @param type its element type
 * @param shape its dimensions, row-major (empty for a scalar)
 * @param begin first byte of its data, counted from the end of the header
 * @param end one past its last byte
 */
public record TensorInfo(String name, TensorType type, long[] shape, long begin, long end) {
  /** Copies the shape. */
  public TensorInfo {
    shape = shape.clone();
  }

  /** The dimensions (a copy). */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Number of elements: the product of the dimensions (1 for a scalar). */
  public long elements() {
    long count = 1;
    for (long dim : shape) {
      count = Math.multiplyExact(count, dim);
    }
    return count;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TensorInfo that
        && name.equals(that.name)
        && type == that.type
        && Arrays.equals(shape, that.shape)
        && begin == that.begin
        && end == that.end;
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " " + type + Arrays.toString(shape);
  }
}
