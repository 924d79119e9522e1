package io.gvgap.onnx.train;

import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.Initializer;
import io.gvgap.onnx.graph.Node;
import io.gvgap.onnx.graph.ValueInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The shapes of a graph's values where the operators that make them fix them, with symbolic sizes
 * kept as the names the graph's inputs give them ({@code "batch_size"}): a dimension is a
 * {@link Long} or a {@link String}, and two values whose dimensions are equal entry by entry have
 * equal shapes whatever the inputs' sizes. Values whose shape is not fixed this way have none.
 *
 * <p>It serves one purpose: {@link GradientRules} sums a gradient over the axes the forward pass
 * broadcast, and where an input is known to have its node's output shape there is nothing to sum, so
 * the rule emits no {@code ReduceSum} (which would copy the whole tensor at run time). Small int64
 * values are followed too ({@code Shape}, {@code Slice}, {@code Squeeze}, {@code Range}), because the
 * decoder builds its positions and causal mask from the input's sequence length.
 */
final class ShapeInference {
  /** Element-wise operators whose inputs broadcast to their output (numpy rules). */
  static final Set<String> BROADCASTING = Set.of(
      "Add",
      "Sub",
      "Mul",
      "Div",
      "Pow",
      "Where",
      "And",
      "Or",
      "Equal",
      "Less",
      "LessOrEqual",
      "Greater",
      "GreaterOrEqual",
      "Max",
      "Min",
      "Sum");

  private final Map<String, List<Object>> shapes = new HashMap<>();
  /** Joined symbolic sizes of a run-time Split's parts ({@code s[0]+s[1]}) → the split axis's size. */
  private final Map<String, Object> wholes = new HashMap<>();
  /** Known entries of small int64 values: 1-D ones as a list, scalars as a one-entry list. */
  private final Map<String, List<Object>> values = new HashMap<>();

  ShapeInference(Graph graph) {
    for (ValueInfo input : graph.inputs()) {
      shapes.put(input.name(), List.copyOf(input.dims()));
    }
    for (Initializer initializer : graph.initializers()) {
      List<Object> shape = new ArrayList<>();
      for (long dim : initializer.shape()) {
        shape.add(dim);
      }
      shapes.put(initializer.name(), List.copyOf(shape));
      if (initializer.type() == ElementType.INT64 && initializer.shape().length <= 1) {
        List<Object> entries = new ArrayList<>();
        for (long value : initializer.longs()) {
          entries.add(value);
        }
        values.put(initializer.name(), List.copyOf(entries));
      }
    }
    for (Node node : graph.nodes()) {
      try {
        infer(node);
      } catch (RuntimeException unexpected) {
        // an attribute or input this pass does not follow: the outputs stay without a shape
      }
    }
  }

  /** The value's shape, or null when the operators that made it do not fix it. */
  List<Object> shape(String value) {
    return shapes.get(value);
  }

  /** Whether both values have known shapes that are equal for every size of the graph's inputs. */
  boolean sameShape(String a, String b) {
    List<Object> first = shapes.get(a);
    return first != null && first.equals(shapes.get(b));
  }

  private void infer(Node node) {
    List<String> in = node.inputs();
    List<Object> first = in.isEmpty() ? null : shapes.get(in.get(0));
    if (BROADCASTING.contains(node.opType())) {
      List<Object> result = List.of();
      for (String input : in) {
        result = broadcast(result, shapes.get(input));
        if (result == null) {
          break;
        }
      }
      put(node, 0, result);
      return;
    }
    switch (node.opType()) {
      case "Neg",
          "Identity",
          "Tanh",
          "FastGelu",
          "Exp",
          "Sqrt",
          "Sigmoid",
          "Relu",
          "Not",
          "Reciprocal",
          "Log",
          "Cos",
          "Sin",
          "Cast",
          "Softmax",
          "LogSoftmax",
          "Erf" -> put(node, 0, first);
      case "LayerNormalization" -> put(node, 0, first);
      case "MatMul" -> put(node, 0, matMul(first, shapes.get(in.get(1))));
      case "Transpose" -> put(node, 0, transpose(node, first));
      case "Gather" -> put(node, 0, gather(node, first, shapes.get(in.get(1))));
      case "Reshape" -> {
        if (attributeLong(node, "allowzero", 0L) == 0L) {
          put(node, 0, reshape(first, values.get(in.get(1))));
        }
      }
      case "Split" -> split(node, first);
      case "Concat" -> put(node, 0, concat(node));
      case "Unsqueeze" -> put(node, 0, unsqueeze(first, values.get(in.get(1))));
      case "Squeeze" -> {
        List<Object> axes = in.size() > 1 ? values.get(in.get(1)) : null;
        put(node, 0, squeeze(first, axes));
        List<Object> entries = values.get(in.get(0));
        if (entries != null && entries.size() == 1 && first != null && first.size() == 1) {
          values.put(node.outputs().get(0), entries);
        }
      }
      case "Shape" -> {
        if (first != null && node.attributes().isEmpty()) {
          put(node, 0, List.of((long) first.size()));
          values.put(node.outputs().get(0), first);
        }
      }
      case "Slice" -> slice(node, first);
      case "Range" -> put(node, 0, range(in));
      case "OneHot" -> {
        List<Object> depth = values.get(in.get(1));
        long axis = attributeLong(node, "axis", -1L);
        if (first != null && depth != null && depth.size() == 1 && axis == -1) {
          List<Object> result = new ArrayList<>(first);
          result.add(depth.get(0));
          put(node, 0, result);
        }
      }
      case "ReduceSum", "ReduceMean", "ReduceMax", "ReduceSumSquare" ->
        put(node, 0, reduce(node, first));
      default -> {
        // not followed: no shape
      }
    }
  }

  private void put(Node node, int output, List<Object> shape) {
    if (shape != null && output < node.outputs().size()) {
      shapes.put(node.outputs().get(output), List.copyOf(shape));
    }
  }

  /** Numpy broadcasting of two known shapes; null when either is unknown or a size is undecidable. */
  static List<Object> broadcast(List<Object> a, List<Object> b) {
    if (a == null || b == null) {
      return null;
    }
    int rank = Math.max(a.size(), b.size());
    Object[] result = new Object[rank];
    for (int i = 0; i < rank; i++) {
      int ia = i - (rank - a.size());
      int ib = i - (rank - b.size());
      Object da = ia >= 0 ? a.get(ia) : null;
      Object db = ib >= 0 ? b.get(ib) : null;
      if (da == null || isOne(da)) {
        result[i] = db != null ? db : da;
      } else if (db == null || isOne(db) || da.equals(db)) {
        result[i] = da;
      } else {
        return null;
      }
    }
    return List.of(result);
  }

  private static boolean isOne(Object dim) {
    return dim instanceof Long size && size == 1L;
  }

  private static List<Object> matMul(List<Object> a, List<Object> b) {
    if (a == null || b == null || a.size() < 2 || b.size() < 2) {
      return null;
    }
    if (!Objects.equals(a.get(a.size() - 1), b.get(b.size() - 2))) {
      return null;
    }
    List<Object> batch = broadcast(a.subList(0, a.size() - 2), b.subList(0, b.size() - 2));
    if (batch == null) {
      return null;
    }
    List<Object> result = new ArrayList<>(batch);
    result.add(a.get(a.size() - 2));
    result.add(b.get(b.size() - 1));
    return result;
  }

  private static List<Object> transpose(Node node, List<Object> shape) {
    if (shape == null) {
      return null;
    }
    Object perm = node.attributes().get("perm");
    List<Object> result = new ArrayList<>();
    if (perm instanceof long[] order) {
      if (order.length != shape.size()) {
        return null;
      }
      for (long axis : order) {
        result.add(shape.get((int) axis));
      }
    } else {
      for (int i = shape.size() - 1; i >= 0; i--) {
        result.add(shape.get(i));
      }
    }
    return result;
  }

  private static List<Object> gather(Node node, List<Object> data, List<Object> indices) {
    if (data == null || indices == null || data.isEmpty()) {
      return null;
    }
    long axis = attributeLong(node, "axis", 0L);
    if (axis != 0) {
      return null;
    }
    List<Object> result = new ArrayList<>(indices);
    result.addAll(data.subList(1, data.size()));
    return result;
  }

  /** Reshape to a constant target whose entries are sizes or 0 (copy); a -1 is not followed. */
  private static List<Object> reshape(List<Object> input, List<Object> target) {
    if (input == null || target == null) {
      return null;
    }
    List<Object> result = new ArrayList<>();
    for (int i = 0; i < target.size(); i++) {
      if (!(target.get(i) instanceof Long size) || size < 0) {
        return null;
      }
      if (size == 0) {
        if (i >= input.size()) {
          return null;
        }
        result.add(input.get(i));
      } else {
        result.add(size);
      }
    }
    return result;
  }

  private void split(Node node, List<Object> input) {
    if (input == null || node.inputs().size() < 2) {
      return;
    }
    List<Object> sizes = values.get(node.inputs().get(1));
    int axis = (int) normalise(attributeLong(node, "axis", 0L), input.size());
    if (sizes == null) {
      // sizes known only at run time: name each part's size after the sizes value, so that two
      // Splits by the same sizes give parts of equal (symbolic) sizes
      List<Object> named = new ArrayList<>();
      for (int i = 0; i < node.outputs().size(); i++) {
        named.add(node.inputs().get(1) + "[" + i + "]");
      }
      sizes = named;
      // the parts add up to the whole: a Concat of all of them, in order, has the input's size
      wholes.put(String.join("+", named.stream().map(String::valueOf).toList()), input.get(axis));
    }
    if (sizes.size() != node.outputs().size()) {
      return;
    }
    for (int i = 0; i < sizes.size(); i++) {
      List<Object> result = new ArrayList<>(input);
      result.set(axis, sizes.get(i));
      put(node, i, result);
    }
  }

  /**
   * Concat of known shapes equal off the axis: sizes along the axis add up, symbolic ones joined as
   * {@code a+b} (in input order, so equal joins of equal parts give equal names).
   */
  private List<Object> concat(Node node) {
    List<List<Object>> inputs = new ArrayList<>();
    for (String input : node.inputs()) {
      List<Object> shape = shapes.get(input);
      if (shape == null || (!inputs.isEmpty() && shape.size() != inputs.get(0).size())) {
        return null;
      }
      inputs.add(shape);
    }
    if (inputs.isEmpty() || inputs.get(0).isEmpty()) {
      return null;
    }
    int rank = inputs.get(0).size();
    int axis = (int) normalise(attributeLong(node, "axis", 0L), rank);
    List<Object> result = new ArrayList<>(inputs.get(0));
    long total = 0;
    StringBuilder joined = new StringBuilder();
    boolean symbolic = false;
    for (List<Object> shape : inputs) {
      for (int i = 0; i < rank; i++) {
        if (i != axis && !shape.get(i).equals(result.get(i))) {
          return null;
        }
      }
      Object size = shape.get(axis);
      if (size instanceof Long known) {
        total += known;
      } else {
        symbolic = true;
      }
      joined.append(joined.length() == 0 ? "" : "+").append(size);
    }
    result.set(axis, symbolic ? wholes.getOrDefault(joined.toString(), joined.toString()) : total);
    return result;
  }

  private static List<Object> unsqueeze(List<Object> input, List<Object> axes) {
    if (input == null || axes == null) {
      return null;
    }
    int rank = input.size() + axes.size();
    boolean[] inserted = marked(axes, rank);
    if (inserted == null) {
      return null;
    }
    List<Object> result = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < rank; i++) {
      result.add(inserted[i] ? (Object) 1L : input.get(next++));
    }
    return result;
  }

  private static List<Object> squeeze(List<Object> input, List<Object> axes) {
    if (input == null || axes == null) {
      return null;
    }
    boolean[] removed = marked(axes, input.size());
    if (removed == null) {
      return null;
    }
    List<Object> result = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      if (!removed[i]) {
        result.add(input.get(i));
      }
    }
    return result;
  }

  /** Slice of a known 1-D int64 value with constant starts and ends on axis 0 (a shape's entries). */
  private void slice(Node node, List<Object> input) {
    List<String> in = node.inputs();
    List<Object> entries = values.get(in.get(0));
    if (entries == null || in.size() < 3 || in.size() > 4) {
      return;
    }
    List<Object> starts = values.get(in.get(1));
    List<Object> ends = values.get(in.get(2));
    if (starts == null || ends == null || starts.size() != 1 || ends.size() != 1) {
      return;
    }
    if (!(starts.get(0) instanceof Long start) || !(ends.get(0) instanceof Long end)) {
      return;
    }
    int n = entries.size();
    int from = (int) Math.max(0, Math.min(n, start < 0 ? start + n : start));
    int to = (int) Math.max(0, Math.min(n, end < 0 ? end + n : end));
    List<Object> result = entries.subList(from, Math.max(from, to));
    values.put(node.outputs().get(0), List.copyOf(result));
    put(node, 0, List.of((long) result.size()));
  }

  /** Range(0, n, 1) with n a known scalar: shape [n]. */
  private List<Object> range(List<String> in) {
    List<Object> start = values.get(in.get(0));
    List<Object> limit = values.get(in.get(1));
    List<Object> delta = values.get(in.get(2));
    if (start == null || limit == null || delta == null) {
      return null;
    }
    if (Long.valueOf(0).equals(start.get(0)) && Long.valueOf(1).equals(delta.get(0))) {
      return List.of(limit.get(0));
    }
    return null;
  }

  private List<Object> reduce(Node node, List<Object> input) {
    if (input == null) {
      return null;
    }
    boolean keep = attributeLong(node, "keepdims", 1L) == 1L;
    List<Object> axes;
    if (node.attributes().get("axes") instanceof long[] attribute) {
      axes = new ArrayList<>();
      for (long axis : attribute) {
        axes.add(axis);
      }
    } else if (node.inputs().size() > 1) {
      axes = values.get(node.inputs().get(1));
      if (axes == null) {
        return null;
      }
    } else {
      axes = null;
    }
    if (axes != null && axes.isEmpty()) {
      boolean noop = attributeLong(node, "noop_with_empty_axes", 0L) == 1L;
      if (noop) {
        return input;
      }
      axes = null;
    }
    boolean[] reduced;
    if (axes == null) {
      reduced = new boolean[input.size()];
      java.util.Arrays.fill(reduced, true);
    } else {
      reduced = marked(axes, input.size());
      if (reduced == null) {
        return null;
      }
    }
    List<Object> result = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      if (!reduced[i]) {
        result.add(input.get(i));
      } else if (keep) {
        result.add(1L);
      }
    }
    return result;
  }

  /** The axes of a rank-{@code rank} shape that {@code axes} names (negative from the end); null when one is not a constant. */
  private static boolean[] marked(List<Object> axes, int rank) {
    boolean[] marked = new boolean[rank];
    for (Object axis : axes) {
      if (!(axis instanceof Long value)) {
        return null;
      }
      marked[(int) normalise(value, rank)] = true;
    }
    return marked;
  }

  private static long normalise(long axis, int rank) {
    long normalised = axis < 0 ? axis + rank : axis;
    if (normalised < 0 || normalised >= rank) {
      throw new IllegalArgumentException("axis " + axis + " outside rank " + rank);
    }
    return normalised;
  }

  private static long attributeLong(Node node, String name, long otherwise) {
    Object value = node.attributes().get(name);
    return value instanceof Number number ? number.longValue() : otherwise;
  }
}
