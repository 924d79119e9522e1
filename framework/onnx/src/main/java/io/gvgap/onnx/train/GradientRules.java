package io.gvgap.onnx.train;

import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vector-Jacobian product of each operator gvgap's training graphs use, emitted as ONNX nodes.
 * {@link #apply} returns one gradient per node input (null where none is needed). Broadcasting in
 * the forward pass is undone by summing over the broadcast axes ({@link #unbroadcast}).
 */
final class GradientRules {
  /** Operators with a rule; {@link #apply} fails for others with this list. */
  static final List<String> SUPPORTED = List.of(
      "Add",
      "Sub",
      "Mul",
      "Div",
      "Neg",
      "Identity",
      "MatMul",
      "Transpose",
      "Reshape",
      "Unsqueeze",
      "Squeeze",
      "Flatten",
      "Gather",
      "Split",
      "Concat",
      "LayerNormalization",
      "Softmax",
      "LogSoftmax",
      "Tanh",
      "FastGelu",
      "Exp",
      "Sigmoid",
      "Sqrt",
      "ReduceMean",
      "ReduceSum",
      "Where",
      "Sum");

  /** Widest product for which {@link #transposeTheProduct} transposes the narrow operands. */
  static final long NARROW_PRODUCT = 48;

  private final GraphBuilder b;
  private final RankInference ranks;
  private final ShapeInference shapes;

  GradientRules(GraphBuilder b, RankInference ranks, ShapeInference shapes) {
    this.b = b;
    this.ranks = ranks;
    this.shapes = shapes;
  }

  /** Gradients of the node's inputs given its outputs' gradients (null entries: no gradient reached that output). */
  List<String> apply(Node node, List<String> outputGradients, Set<String> needsGradient) {
    List<String> in = node.inputs();
    String g = outputGradients.get(0);
    String y = node.outputs().get(0);
    List<String> result = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      result.add(null);
    }
    if (g == null && !node.opType().equals("Split")) {
      return result;
    }
    switch (node.opType()) {
      case "Identity" -> result.set(0, g);
      case "Neg" -> result.set(0, b.op("Neg", g));
      case "Add" -> {
        result.set(0, unbroadcast(node, g, in.get(0), needsGradient));
        result.set(1, unbroadcast(node, g, in.get(1), needsGradient));
      }
      case "Sum" -> {
        for (int i = 0; i < in.size(); i++) {
          result.set(i, unbroadcast(node, g, in.get(i), needsGradient));
        }
      }
      case "Sub" -> {
        result.set(0, unbroadcast(node, g, in.get(0), needsGradient));
        if (needsGradient.contains(in.get(1))) {
          result.set(1, unbroadcast(node, b.op("Neg", g), in.get(1), needsGradient));
        }
      }
      case "Mul" -> {
        if (needsGradient.contains(in.get(0))) {
          result.set(0, unbroadcast(node, b.op("Mul", g, in.get(1)), in.get(0), needsGradient));
        }
        if (needsGradient.contains(in.get(1))) {
          result.set(1, unbroadcast(node, b.op("Mul", g, in.get(0)), in.get(1), needsGradient));
        }
      }
      case "Div" -> {
        if (needsGradient.contains(in.get(0))) {
          result.set(0, unbroadcast(node, b.op("Div", g, in.get(1)), in.get(0), needsGradient));
        }
        if (needsGradient.contains(in.get(1))) {
          // d(a/b)/db = -(a/b)/b = -y/b
          String local = b.op("Neg", b.op("Div", b.op("Mul", g, y), in.get(1)));
          result.set(1, unbroadcast(node, local, in.get(1), needsGradient));
        }
      }
      case "Tanh" -> result.set(0, b.op("Mul", g, b.op("Sub", b.scalar(1f), b.op("Mul", y, y))));
      case "FastGelu" -> {
        if (in.size() != 1) {
          throw unsupported(node, "FastGelu is differentiable without its bias input only");
        }
        result.set(0, fastGelu(in.get(0), y, g));
      }
      case "Exp" -> result.set(0, b.op("Mul", g, y));
      case "Sigmoid" -> result.set(0, b.op("Mul", g, b.op("Mul", y, b.op("Sub", b.scalar(1f), y))));
      case "Sqrt" -> result.set(0, b.op("Div", g, b.op("Mul", y, b.scalar(2f))));
      case "ReduceMean" -> {
        // the mean over the last axis, kept: each input element gets g / n
        Object axes = node.attributes().get("axes");
        long keep = ((Number) node.attributes().getOrDefault("keepdims", 1L)).longValue();
        if (!(axes instanceof long[] list) || list.length != 1 || list[0] != -1 || keep != 1) {
          throw unsupported(
              node, "ReduceMean is differentiable over the last axis with keepdims" + " only");
        }
        String shape = b.op("Shape", in.get(0));
        String count = b.op(
            "Cast",
            Map.of("to", (long) io.gvgap.onnx.graph.ElementType.FLOAT.onnxCode()),
            b.op("Slice", shape, b.constant(-1), b.constant(Long.MAX_VALUE)));
        result.set(0, b.op("Div", b.op("Expand", g, shape), count));
      }
      case "Softmax" -> {
        requireLastAxis(node);
        String gy = b.op("Mul", g, y);
        result.set(
            0,
            b.op(
                "Mul",
                y,
                b.op("Sub", g, b.op("ReduceSum", Map.of("keepdims", 1L), gy, b.constant(-1)))));
      }
      case "LogSoftmax" -> {
        requireLastAxis(node);
        String total = b.op("ReduceSum", Map.of("keepdims", 1L), g, b.constant(-1));
        result.set(0, b.op("Sub", g, b.op("Mul", b.op("Exp", y), total)));
      }
      case "Transpose" -> result.set(0, b.op("Transpose", Map.of("perm", inverse(perm(node))), g));
      case "Reshape", "Unsqueeze", "Squeeze", "Flatten" ->
        result.set(0, b.op("Reshape", g, b.op("Shape", in.get(0))));
      case "MatMul" -> matMul(node, g, result, needsGradient);
      case "Gather" -> {
        long axis = ((Number) node.attributes().getOrDefault("axis", 0L)).longValue();
        if (axis != 0) {
          throw unsupported(node, "Gather is differentiable along axis 0 only, axis was " + axis);
        }
        String zeros = b.op("ConstantOfShape", b.op("Shape", in.get(0)));
        String indices = b.op("Unsqueeze", in.get(1), b.constant(-1));
        result.set(0, b.op("ScatterND", Map.of("reduction", "add"), zeros, indices, g));
      }
      case "Split" -> {
        long axis = ((Number) node.attributes().getOrDefault("axis", 0L)).longValue();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < node.outputs().size(); i++) {
          String part = outputGradients.get(i);
          parts.add(
              part != null
                  ? part
                  : b.op("ConstantOfShape", b.op("Shape", node.outputs().get(i))));
        }
        result.set(0, b.op("Concat", Map.of("axis", axis), parts.toArray(String[]::new)));
      }
      case "Concat" -> {
        long axis = ((Number) node.attributes().get("axis")).longValue();
        List<String> sizes = new ArrayList<>();
        for (String input : in) {
          String shape = b.op("Shape", input);
          sizes.add(
              axis < 0
                  ? b.op(
                      "Slice",
                      shape,
                      b.constant(axis),
                      b.constant(axis == -1 ? Long.MAX_VALUE : axis + 1))
                  : b.op("Slice", shape, b.constant(axis), b.constant(axis + 1)));
        }
        List<String> parts = b.ops(
            "Split",
            in.size(),
            Map.of("axis", axis),
            g,
            b.op("Concat", Map.of("axis", 0L), sizes.toArray(String[]::new)));
        for (int i = 0; i < in.size(); i++) {
          result.set(i, parts.get(i));
        }
      }
      case "LayerNormalization" -> layerNorm(node, g, result);
      case "ReduceSum" -> {
        long keepDims = ((Number) node.attributes().getOrDefault("keepdims", 1L)).longValue();
        String expanded = g;
        if (keepDims == 0 && in.size() > 1) {
          expanded = b.op("Unsqueeze", g, in.get(1));
        }
        result.set(0, b.op("Expand", expanded, b.op("Shape", in.get(0))));
      }
      case "Where" -> {
        String zero = b.scalar(0f);
        if (needsGradient.contains(in.get(1))) {
          result.set(
              1, unbroadcast(node, b.op("Where", in.get(0), g, zero), in.get(1), needsGradient));
        }
        if (needsGradient.contains(in.get(2))) {
          result.set(
              2, unbroadcast(node, b.op("Where", in.get(0), zero, g), in.get(2), needsGradient));
        }
      }
      default -> throw unsupported(node, "no gradient rule; operators with one are " + SUPPORTED);
    }
    return result;
  }

  /**
   * Sums {@code g} (shaped like the node's output) down to the shape of {@code input}: over the
   * leading axes the input lacks, then over the axes where the input has size 1 and g does not.
   */
  private String unbroadcast(Node node, String g, String input, Set<String> needsGradient) {
    if (!needsGradient.contains(input)) {
      return null;
    }
    int inputRank = ranks.requireRank(input, node);
    int outputRank = ranks.requireRank(node.outputs().get(0), node);
    String reduced = g;
    if (inputRank == 0) {
      return b.op("ReduceSum", Map.of("keepdims", 0L), g);
    }
    List<Object> inputShape = shapes.shape(input);
    List<Object> gradientShape = gradientShape(node, input);
    if (inputRank < outputRank) {
      long[] leading = new long[outputRank - inputRank];
      for (int i = 0; i < leading.length; i++) {
        leading[i] = i;
      }
      reduced = b.op("ReduceSum", Map.of("keepdims", 0L), g, b.constant(leading));
      if (gradientShape != null) {
        gradientShape = gradientShape.subList(leading.length, gradientShape.size());
      }
    }
    if (inputShape != null && inputShape.equals(gradientShape)) {
      // the input already has the gradient's shape (known statically): nothing was stretched, and a
      // ReduceSum over no axes would only copy the tensor
      return reduced;
    }
    // Same rank now; axes of size 1 in the input that the output stretched are summed (none for
    // equal shapes).
    String one = b.constant(1);
    String stretched = b.op(
        "And",
        b.op("Equal", b.op("Shape", input), one),
        b.op("Not", b.op("Equal", b.op("Shape", reduced), one)));
    String axes = b.op("Reshape", b.op("NonZero", stretched), b.constant(-1));
    return b.op("ReduceSum", Map.of("keepdims", 1L, "noop_with_empty_axes", 1L), reduced, axes);
  }

  /**
   * The shape of the gradient that reaches {@code input} before broadcasting is undone, where known:
   * the node's output shape for element-wise operators; for MatMul the output's batch axes followed
   * by the operand's own last two axes.
   */
  private List<Object> gradientShape(Node node, String input) {
    List<Object> output = shapes.shape(node.outputs().get(0));
    if (output == null || !node.opType().equals("MatMul")) {
      return output;
    }
    List<Object> operand = shapes.shape(input);
    if (operand == null || operand.size() < 2 || output.size() < 2) {
      return null;
    }
    List<Object> result = new ArrayList<>(output.subList(0, output.size() - 2));
    result.addAll(operand.subList(operand.size() - 2, operand.size()));
    return result;
  }

  private void matMul(Node node, String g, List<String> result, Set<String> needsGradient) {
    String a = node.inputs().get(0);
    String bb = node.inputs().get(1);
    int rankA = ranks.requireRank(a, node);
    int rankB = ranks.requireRank(bb, node);
    if (rankA < 2 || rankB < 2) {
      throw unsupported(
          node, "MatMul of 1-D operands has no rule (ranks " + rankA + ", " + rankB + ")");
    }
    if (needsGradient.contains(a)) {
      String local = b.op("MatMul", g, swapLast(bb, rankB));
      ranks.record(local, Math.max(rankA, rankB));
      result.set(0, unbroadcast(node, local, a, needsGradient));
    }
    if (needsGradient.contains(bb)) {
      if (rankB == 2 && rankA > 2) {
        // Sum over all leading (batch) axes at once: flatten them into the row axis.
        String rows = b.op("Flatten", Map.of("axis", (long) (rankA - 1)), a);
        String gradRows = b.op("Flatten", Map.of("axis", (long) (rankA - 1)), g);
        result.set(
            1,
            b.op("MatMul", b.op("Transpose", Map.of("perm", new long[] {1, 0}), rows), gradRows));
      } else if (rankA == rankB && transposeTheProduct(a, node.outputs().get(0))) {
        // aᵀ·g = (gᵀ·a)ᵀ: transpose the narrow gradient and the narrow product, not the wide a
        String product = swapLast(b.op("MatMul", swapLast(g, rankA), a), rankA);
        ranks.record(product, rankA);
        result.set(1, unbroadcast(node, product, bb, needsGradient));
      } else if (rankA == rankB) {
        result.set(1, unbroadcast(node, b.op("MatMul", swapLast(a, rankA), g), bb, needsGradient));
      } else {
        throw unsupported(
            node,
            "MatMul gradient for the right operand needs rank 2 or the left's rank, ranks were "
                + rankA + ", " + rankB);
      }
    }
  }

  /**
   * The gradient of a Softmax P (last axis) whose only reader is {@code O = P·V}: dS = P ⊙ (dP −
   * rowsum(P ⊙ dP)), with rowsum(P ⊙ dP) = rowsum(dO ⊙ O) since dP = dO·Vᵀ. The row sums then read
   * [.., T, head width] tensors instead of two passes over the [.., T, T] attention matrix (the
   * identity FlashAttention's backward pass uses).
   *
   * @param productGradient dO, the gradient of {@code product}
   */
  List<String> softmaxBeforeProduct(Node node, String g, String product, String productGradient) {
    requireLastAxis(node);
    String y = node.outputs().get(0);
    String rowSums = b.op(
        "ReduceSum", Map.of("keepdims", 1L), b.op("Mul", productGradient, product), b.constant(-1));
    List<String> result = new ArrayList<>();
    result.add(b.op("Mul", y, b.op("Sub", g, rowSums)));
    return result;
  }

  /**
   * ONNX Runtime's {@code FastGelu} (GPT-2's tanh GELU) y = ½x(1 + t), t = tanh(u), u = c(x + a·x³),
   * c = √(2/π), a = 0.044715: dy/dx = ½(1 + t) + ½x(1 − t²)·u′ = 1 − ½(1 − t) + y(1 − t)·u′ with
   * u′ = c + 3ca·x². The gradient is fourteen operators, five of them recomputing t from x, where
   * differentiating the nine-operator formula took 13 and a five-way sum into x.
   */
  private String fastGelu(String x, String y, String g) {
    double c = Math.sqrt(2 / Math.PI);
    double ca = c * 0.044715;
    String squared = b.op("Mul", x, x);
    String inner = b.op("Add", b.op("Mul", squared, b.scalar((float) ca)), b.scalar((float) c));
    String oneMinusT = b.op("Sub", b.scalar(1f), b.op("Tanh", b.op("Mul", x, inner)));
    String slope =
        b.op("Add", b.op("Mul", squared, b.scalar((float) (3 * ca))), b.scalar((float) c));
    String derivative = b.op(
        "Add",
        b.op("Sub", b.scalar(1f), b.op("Mul", oneMinusT, b.scalar(0.5f))),
        b.op("Mul", b.op("Mul", y, oneMinusT), slope));
    return b.op("Mul", g, derivative);
  }

  /**
   * LayerNormalization over the last axis: with x̂ = (x − μ)/σ, dγ = Σ g·x̂, dβ = Σ g (over all
   * leading axes) and dx = (1/σ)·(g·γ − mean(g·γ) − x̂·mean(g·γ·x̂)).
   */
  private void layerNorm(Node node, String g, List<String> result) {
    long axis = ((Number) node.attributes().getOrDefault("axis", -1L)).longValue();
    int rank = ranks.requireRank(node.inputs().get(0), node);
    if (axis != -1 && axis != rank - 1) {
      throw unsupported(
          node, "LayerNormalization is differentiable over the last axis only, axis was " + axis);
    }
    float epsilon = ((Number) node.attributes().getOrDefault("epsilon", 1e-5f)).floatValue();
    String x = node.inputs().get(0);
    String scale = node.inputs().get(1);
    Map<String, Object> meanLast = Map.of("axes", new long[] {-1}, "keepdims", 1L);
    String centered = b.op("Sub", x, b.op("ReduceMean", meanLast, x));
    String variance = b.op("ReduceMean", meanLast, b.op("Mul", centered, centered));
    String inverseStd = b.op("Reciprocal", b.op("Sqrt", b.op("Add", variance, b.scalar(epsilon))));
    String normalized = b.op("Mul", centered, inverseStd);
    String gScaled = b.op("Mul", g, scale);
    String dx = b.op(
        "Mul",
        inverseStd,
        b.op(
            "Sub",
            b.op("Sub", gScaled, b.op("ReduceMean", meanLast, gScaled)),
            b.op(
                "Mul",
                normalized,
                b.op("ReduceMean", meanLast, b.op("Mul", gScaled, normalized)))));
    result.set(0, dx);
    long[] leading = new long[rank - 1];
    for (int i = 0; i < leading.length; i++) {
      leading[i] = i;
    }
    String leadingAxes = b.constant(leading);
    result.set(
        1, b.op("ReduceSum", Map.of("keepdims", 0L), b.op("Mul", g, normalized), leadingAxes));
    if (node.inputs().size() > 2 && !node.inputs().get(2).isEmpty()) {
      result.set(2, b.op("ReduceSum", Map.of("keepdims", 0L), g, leadingAxes));
    }
  }

  /**
   * Whether the right operand's gradient {@code aᵀ·g} is better computed as {@code (gᵀ·a)ᵀ}: when
   * {@code a}'s last two sizes are both run-time lengths (an attention matrix, [.., T, T]) and the
   * product's last size is a fixed width of at most {@value #NARROW_PRODUCT} (a narrow head). ONNX
   * Runtime's CPU MatMul reads a transposed [T, T] operand slowly; transposing the two [T, width]
   * operands instead paid off only for narrow heads. Side by side (2026-12-04, 2 threads, 8 x 480
   * tokens, medians): head width 16 (2 x 64) 1.12x (7 runs of 20 steps), 24 (3 x 96) 1.04x, 36
   * (4 x 144) 1.04x, 72 (6 x 288) 0.94x.
   */
  private boolean transposeTheProduct(String a, String product) {
    List<Object> left = shapes.shape(a);
    List<Object> out = shapes.shape(product);
    if (left == null || out == null || left.size() < 3 || out.size() != left.size()) {
      return false;
    }
    int rank = left.size();
    return left.get(rank - 1) instanceof String
        && left.get(rank - 2) instanceof String
        && out.get(rank - 1) instanceof Long width
        && width <= NARROW_PRODUCT;
  }

  private String swapLast(String value, int rank) {
    long[] perm = new long[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i;
    }
    perm[rank - 2] = rank - 1;
    perm[rank - 1] = rank - 2;
    return b.op("Transpose", Map.of("perm", perm), value);
  }

  private long[] perm(Node node) {
    Object perm = node.attributes().get("perm");
    if (perm instanceof long[] longs) {
      return longs;
    }
    if (perm instanceof int[] ints) {
      return Arrays.stream(ints).asLongStream().toArray();
    }
    int rank = ranks.requireRank(node.inputs().get(0), node);
    long[] reversed = new long[rank];
    for (int i = 0; i < rank; i++) {
      reversed[i] = rank - 1 - i;
    }
    return reversed;
  }

  private static long[] inverse(long[] perm) {
    long[] inverse = new long[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inverse[(int) perm[i]] = i;
    }
    return inverse;
  }

  private void requireLastAxis(Node node) {
    long axis = ((Number) node.attributes().getOrDefault("axis", -1L)).longValue();
    int rank = ranks.requireRank(node.inputs().get(0), node);
    if (axis != -1 && axis != rank - 1) {
      throw unsupported(
          node, node.opType() + " is differentiable over the last axis only, axis was " + axis);
    }
  }

  private static UnsupportedOperationException unsupported(Node node, String why) {
    return new UnsupportedOperationException(
        "cannot differentiate node '" + node.name() + "' (" + node.opType() + "): " + why);
  }
}
