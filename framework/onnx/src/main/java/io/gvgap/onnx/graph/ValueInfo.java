package io.gvgap.onnx.graph;

import java.util.List;
import java.util.Objects;

/**
 * A named, typed graph input or output.
 *
 * @param name the value's name in the graph
 * @param type its element type
 * @param dims one entry per axis: a {@link Long} for a fixed size or a {@link String} naming a
 *     symbolic size ({@code "batch_size"}); symbolic names shared by several values mean equal sizes
 */
public record ValueInfo(String name, ElementType type, List<Object> dims) {
  /** Validates that every dimension is a non-negative Long or a non-blank String. */
  public ValueInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    dims = List.copyOf(dims);
    for (Object dim : dims) {
      boolean fixed = dim instanceof Long size && size >= 0;
      boolean symbolic = dim instanceof String symbol && !symbol.isBlank();
      if (!fixed && !symbolic) {
        throw new IllegalArgumentException("value '" + name + "': dimension " + dim
            + " must be a Long >= 0 or a symbolic name, dims were " + dims);
      }
    }
  }

  /** Builds a value from dimensions given as Integer, Long or String. */
  public static ValueInfo of(String name, ElementType type, Object... dims) {
    Object[] normalized = new Object[dims.length];
    for (int i = 0; i < dims.length; i++) {
      normalized[i] = dims[i] instanceof Integer size ? Long.valueOf(size) : dims[i];
    }
    return new ValueInfo(name, type, List.of(normalized));
  }
}
