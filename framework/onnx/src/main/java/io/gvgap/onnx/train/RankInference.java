package io.gvgap.onnx.train;

import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.Initializer;
import io.gvgap.onnx.graph.Node;
import io.gvgap.onnx.graph.ValueInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rank (number of axes) of every value of a graph, as far as the operators gvgap's training
 * graphs use determine it. Gradient rules need ranks to undo broadcasting and to transpose the last
 * two axes; sizes may stay symbolic. Unknown ranks are -1 and fail only when a gradient needs them.
 */
final class RankInference {
  private final Map<String, Integer> ranks = new HashMap<>();
  private final Map<String, Initializer> initializers = new HashMap<>();

  RankInference(Graph graph) {
    for (ValueInfo input : graph.inputs()) {
      ranks.put(input.name(), input.dims().size());
    }
    for (Initializer initializer : graph.initializers()) {
      ranks.put(initializer.name(), initializer.shape().length);
      initializers.put(initializer.name(), initializer);
    }
    for (Node node : graph.nodes()) {
      infer(node);
    }
  }

  /** The rank of a value, or -1 when the operators that made it do not fix it. */
  int rank(String value) {
    return ranks.getOrDefault(value, -1);
  }

  /** The rank of a value; fails naming the node when it is unknown. */
  int requireRank(String value, Node node) {
    int rank = rank(value);
    if (rank < 0) {
      throw new IllegalStateException(
          "node '" + node.name() + "' (" + node.opType() + "): the rank of '" + value
              + "' is unknown, so its gradient cannot be formed; build it from operators RankInference knows");
    }
    return rank;
  }

  /** The int64 values of a constant input (axes, shapes), or null when it is not an initializer. */
  long[] constantLongs(String value) {
    Initializer initializer = initializers.get(value);
    return initializer == null ? null : initializer.longs();
  }

  /** Records the rank of a value made after inference (by a gradient rule). */
  void record(String value, int rank) {
    ranks.put(value, rank);
  }

  private void infer(Node node) {
    List<String> in = node.inputs();
    int first = in.isEmpty() ? -1 : rank(in.get(0));
    int rank = ShapeInference.BROADCASTING.contains(node.opType())
        ? maxRank(in)
        : switch (node.opType()) {
          case "MatMul" -> maxRank(in);
          case "Gather" -> first < 0 || rank(in.get(1)) < 0 ? -1 : first - 1 + rank(in.get(1));
          case "Reshape" -> {
            long[] shape = constantLongs(in.get(1));
            yield shape == null ? -1 : shape.length;
          }
          case "Unsqueeze" -> {
            long[] axes = constantLongs(in.get(1));
            yield first < 0 || axes == null ? -1 : first + axes.length;
          }
          case "Squeeze" -> {
            long[] axes = in.size() > 1 ? constantLongs(in.get(1)) : null;
            yield first < 0 || axes == null ? -1 : first - axes.length;
          }
          case "ReduceSum", "ReduceMean", "ReduceSumSquare", "ReduceMax" ->
            reducedRank(node, first);
          case "OneHot" -> first < 0 ? -1 : first + 1;
          case "Flatten" -> 2;
          case "Shape", "Range", "NonZero" -> node.opType().equals("NonZero") ? 2 : 1;
          case "Transpose",
              "Softmax",
              "LogSoftmax",
              "Tanh",
              "FastGelu",
              "Neg",
              "Identity",
              "LayerNormalization",
              "Exp",
              "Sqrt",
              "Cast",
              "Split",
              "Concat",
              "Slice",
              "Relu",
              "Not",
              "Reciprocal",
              "Expand",
              "ScatterND",
              "Cos",
              "Sin",
              "Sigmoid",
              "Log" -> first;
          default -> -1;
        };
    for (String output : node.outputs()) {
      ranks.put(output, rank);
    }
  }

  private int reducedRank(Node node, int inputRank) {
    long keepDims = ((Number) node.attributes().getOrDefault("keepdims", 1L)).longValue();
    if (keepDims == 1 || inputRank < 0) {
      return inputRank;
    }
    long[] axes = node.attributes().get("axes") instanceof long[] attribute
        ? attribute
        : node.inputs().size() > 1 ? constantLongs(node.inputs().get(1)) : null;
    return axes == null ? 0 : inputRank - axes.length;
  }

  private int maxRank(List<String> inputs) {
    int max = -1;
    for (String input : inputs) {
      max = Math.max(max, rank(input));
    }
    return max;
  }
}
