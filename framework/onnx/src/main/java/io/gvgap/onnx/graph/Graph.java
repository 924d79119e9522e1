package io.gvgap.onnx.graph;

import java.util.List;
import java.util.Objects;

/**
 * An immutable ONNX graph as plain data: what {@link GraphBuilder} makes and
 * {@link ModelSerializer} writes. Nodes are in topological order.
 *
 * @param name the graph's name
 * @param inputs the runtime inputs
 * @param initializers the constants and weights
 * @param nodes the operators, each after the producers of its inputs
 * @param outputs the values the graph returns
 */
public record Graph(
    String name,
    List<ValueInfo> inputs,
    List<Initializer> initializers,
    List<Node> nodes,
    List<ValueInfo> outputs) {
  /** Copies the lists. */
  public Graph {
    Objects.requireNonNull(name, "name");
    inputs = List.copyOf(inputs);
    initializers = List.copyOf(initializers);
    nodes = List.copyOf(nodes);
    outputs = List.copyOf(outputs);
  }
}
