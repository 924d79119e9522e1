package io.gvgap.onnx.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Graph} step by step: declare inputs, add initializers, apply operators, name
 * outputs. Every value name is checked as it is used, so a typo fails where it was made rather
 * than inside ONNX Runtime.
 *
 * <pre>{@code
 * GraphBuilder b = new GraphBuilder("affine");
 * b.input("x", ElementType.FLOAT, "batch", 3);
 * String w = b.initializer("w", new float[] {...}, 3, 2);
 * String y = b.op("MatMul", "x", w);
 * b.output(y, "y", ElementType.FLOAT, "batch", 2);
 * Graph graph = b.build();
 * }</pre>
 */
public final class GraphBuilder {
  private final String graphName;
  private final List<ValueInfo> inputs = new ArrayList<>();
  private final List<Initializer> initializers = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<ValueInfo> outputs = new ArrayList<>();
  private final Set<String> defined = new HashSet<>();
  private final Set<String> nodeNames = new HashSet<>();
  private final Map<String, Integer> counters = new LinkedHashMap<>();

  /** Starts an empty graph with this name. */
  public GraphBuilder(String graphName) {
    this.graphName = graphName;
  }

  /** Declares a runtime input; dims are Integer/Long sizes or String symbolic names. Returns the name. */
  public String input(String name, ElementType type, Object... dims) {
    define(name, "input");
    inputs.add(ValueInfo.of(name, type, dims));
    return name;
  }

  /** Adds a float constant (a weight) under this exact name; the array is not copied. Returns the name. */
  public String initializer(String name, float[] values, long... shape) {
    return add(Initializer.ofFloats(name, values, shape));
  }

  /** Adds a UINT8 or FLOAT16 initializer from raw little-endian bytes. Returns its name. */
  public String initializer(String name, ElementType type, byte[] bytes, long... shape) {
    return add(Initializer.ofBytes(name, type, bytes, shape));
  }

  /** Adds an int64 constant under this exact name. Returns the name. */
  public String initializer(String name, long[] values, long... shape) {
    return add(Initializer.ofLongs(name, values, shape));
  }

  /** Adds a prepared initializer. Returns its name. */
  public String add(Initializer initializer) {
    define(initializer.name(), "initializer");
    initializers.add(initializer);
    return initializer.name();
  }

  /** A fresh 1-D int64 constant (axes, shapes, slice bounds). Returns its generated name. */
  public String constant(long... values) {
    return initializer(fresh("const"), values.clone(), values.length);
  }

  /** A fresh float scalar constant. Returns its generated name. */
  public String scalar(float value) {
    return initializer(fresh("scalar"), new float[] {value});
  }

  /** Applies an operator with one output and no attributes; returns the output's generated name. */
  public String op(String opType, String... inputNames) {
    return op(opType, Map.of(), inputNames);
  }

  /** Applies an operator with one output; returns the output's generated name. */
  public String op(String opType, Map<String, Object> attributes, String... inputNames) {
    return ops(opType, 1, attributes, inputNames).get(0);
  }

  /** Applies an operator with several outputs; returns their generated names in order. */
  public List<String> ops(
      String opType, int outputCount, Map<String, Object> attributes, String... inputNames) {
    String nodeName = fresh(opType);
    List<String> outputNames = new ArrayList<>();
    for (int i = 0; i < outputCount; i++) {
      outputNames.add(nodeName + (outputCount == 1 ? "" : "_" + i));
    }
    node(new Node(opType, "", nodeName, List.of(inputNames), outputNames, attributes));
    return outputNames;
  }

  /** Adds a fully specified node (explicit output names, another domain). */
  public void node(Node node) {
    for (String input : node.inputs()) {
      if (!input.isEmpty() && !defined.contains(input)) {
        throw new IllegalArgumentException("node '" + node.name() + "' (" + node.opType()
            + ") reads '" + input + "', which no input, initializer or earlier node defines");
      }
    }
    for (int i = 0; i < node.outputs().size(); i++) {
      String output = node.outputs().get(i);
      // an empty name after the first omits an optional output, as in ONNX
      if (i == 0 || !output.isEmpty()) {
        define(output, "output of node '" + node.name() + "'");
      }
    }
    nodeNames.add(node.name());
    nodes.add(node);
  }

  /**
   * Declares a graph output named {@code outputName} holding {@code value} (through an Identity
   * node when the names differ). Returns the output name.
   */
  public String output(String value, String outputName, ElementType type, Object... dims) {
    if (!defined.contains(value)) {
      throw new IllegalArgumentException(
          "output '" + outputName + "' refers to undefined value '" + value + "'");
    }
    if (!value.equals(outputName)) {
      node(new Node(
          "Identity", "", fresh("Identity"), List.of(value), List.of(outputName), Map.of()));
    }
    outputs.add(ValueInfo.of(outputName, type, dims));
    return outputName;
  }

  /** The graph as built so far; fails when it has no outputs. */
  public Graph build() {
    if (outputs.isEmpty()) {
      throw new IllegalStateException(
          "graph '" + graphName + "' has no outputs: call output(...) first");
    }
    return new Graph(graphName, inputs, initializers, nodes, outputs);
  }

  private void define(String name, String what) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a " + what + " needs a non-empty name");
    }
    if (!defined.add(name)) {
      throw new IllegalArgumentException("value name '" + name + "' (" + what
          + ") is already defined in graph '" + graphName + "'");
    }
  }

  private String fresh(String prefix) {
    int next = counters.merge(prefix, 1, Integer::sum);
    String candidate = prefix + "_" + next;
    // A generated name must be free as a value, as a node name and as the first output of a
    // multi-output node,
    // also when the builder was seeded with nodes named elsewhere (a graph copied for
    // differentiation).
    while (defined.contains(candidate)
        || nodeNames.contains(candidate)
        || defined.contains(candidate + "_0")) {
      next = counters.merge(prefix, 1, Integer::sum);
      candidate = prefix + "_" + next;
    }
    return candidate;
  }
}
