package io.gvgap.onnx.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operator application. Kept as plain data (not protobuf) so that graph transformations, such
 * as the reverse-mode gradient of the training graphs, can read and extend a graph.
 *
 * @param opType the ONNX operator ({@code "MatMul"})
 * @param domain the operator set domain; empty for the default ONNX domain
 * @param name a unique node name
 * @param inputs input value names in operator order; an empty string omits an optional input
 * @param outputs output value names in operator order; an empty string after the first omits an
 *     optional output
 * @param attributes attribute values: Long or Integer (INT), Float or Double (FLOAT), String
 *     (STRING), long[] or int[] (INTS), float[] (FLOATS), {@link Initializer} (TENSOR)
 */
public record Node(
    String opType,
    String domain,
    String name,
    List<String> inputs,
    List<String> outputs,
    Map<String, Object> attributes) {
  /** Validates and copies the fields; attribute order is kept. */
  public Node {
    Objects.requireNonNull(opType, "opType");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(name, "name");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("node '" + name + "' (" + opType + ") has no outputs");
    }
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
