package io.gvgap.onnx.train;

import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Initializer;
import io.gvgap.onnx.graph.Node;
import io.gvgap.onnx.graph.ValueInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode differentiation of a graph: appends to a copy of the forward graph the nodes that
 * compute the gradient of a scalar loss with respect to chosen values (usually the parameters, given
 * as graph inputs). Each operator has a rule in {@link GradientRules}; an operator without one fails
 * with its node name when a gradient must flow through it.
 *
 * <pre>{@code
 * ReverseMode.Result result = ReverseMode.differentiate(forward, "loss", List.of("w"));
 * GraphBuilder b = result.builder();           // forward + backward, no outputs yet
 * b.output(result.gradients().get("w"), "grad.w", ElementType.FLOAT, 3, 2);
 * }</pre>
 */
public final class ReverseMode {

  /**
   * The differentiated graph.
   *
   * @param builder a builder holding the forward graph's inputs, initializers and nodes plus the
   *     gradient nodes; it has no outputs, so the caller declares them (and may add more nodes)
   * @param gradients for each requested value, the name of its gradient (same shape as the value);
   *     a value the loss does not depend on gets a zero tensor of its shape
   */
  public record Result(GraphBuilder builder, Map<String, String> gradients) {}

  private ReverseMode() {}

  /**
   * Differentiates {@code loss} (a scalar value of {@code forward}) with respect to each of {@code wrt}.
   * The forward graph's outputs are not copied; declare the ones you need on the result's builder.
   */
  public static Result differentiate(Graph forward, String loss, List<String> wrt) {
    GraphBuilder b = new GraphBuilder(forward.name() + "_with_gradients");
    for (ValueInfo input : forward.inputs()) {
      b.input(input.name(), input.type(), input.dims().toArray());
    }
    for (Initializer initializer : forward.initializers()) {
      b.add(initializer);
    }
    forward.nodes().forEach(b::node);
    RankInference ranks = new RankInference(forward);
    Set<String> needsGradient = dependents(forward, wrt);
    if (!needsGradient.contains(loss)) {
      throw new IllegalArgumentException("loss '" + loss + "' depends on none of " + wrt);
    }
    GradientRules rules = new GradientRules(b, ranks, new ShapeInference(forward));
    Map<String, List<String>> contributions = new LinkedHashMap<>();
    contributions.put(loss, new ArrayList<>(List.of(b.op("Identity", b.scalar(1f)))));
    ranks.record(contributions.get(loss).get(0), 0);
    Map<String, List<Node>> consumers = new HashMap<>();
    for (Node node : forward.nodes()) {
      for (String input : node.inputs()) {
        consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(node);
      }
    }
    List<Node> nodes = new ArrayList<>(forward.nodes());
    Collections.reverse(nodes);
    for (Node node : nodes) {
      List<String> outputGradients = new ArrayList<>();
      boolean any = false;
      for (String output : node.outputs()) {
        String gradient = total(b, ranks, contributions.get(output), output);
        outputGradients.add(gradient);
        any |= gradient != null;
      }
      boolean inputNeedsGradient = node.inputs().stream().anyMatch(needsGradient::contains);
      if (!any || !inputNeedsGradient) {
        continue;
      }
      Node product = attentionProduct(node, consumers);
      // the product's total gradient (its contributions were summed when the product was visited)
      String productGradient = product == null
          ? null
          : total(
              b,
              ranks,
              contributions.get(product.outputs().get(0)),
              product.outputs().get(0));
      List<String> inputGradients = productGradient != null
          ? rules.softmaxBeforeProduct(
              node, outputGradients.get(0), product.outputs().get(0), productGradient)
          : rules.apply(node, outputGradients, needsGradient);
      for (int i = 0; i < node.inputs().size(); i++) {
        String input = node.inputs().get(i);
        String gradient = inputGradients.get(i);
        if (gradient != null && needsGradient.contains(input)) {
          ranks.record(gradient, ranks.rank(input));
          contributions.computeIfAbsent(input, k -> new ArrayList<>()).add(gradient);
        }
      }
    }
    Map<String, String> gradients = new LinkedHashMap<>();
    for (String value : wrt) {
      String gradient = total(b, ranks, contributions.get(value), value);
      gradients.put(
          value, gradient != null ? gradient : b.op("ConstantOfShape", b.op("Shape", value)));
    }
    return new Result(b, gradients);
  }

  /**
   * The MatMul that is the only reader of a Softmax's output, as its left operand (attention's
   * P·V), or null: its product and gradient give the Softmax's row sums on narrow tensors.
   */
  private static Node attentionProduct(Node node, Map<String, List<Node>> consumers) {
    if (!node.opType().equals("Softmax")) {
      return null;
    }
    List<Node> readers = consumers.getOrDefault(node.outputs().get(0), List.of());
    if (readers.size() != 1) {
      return null;
    }
    Node reader = readers.get(0);
    boolean leftOnly = reader.inputs().get(0).equals(node.outputs().get(0))
        && !reader.inputs().get(1).equals(node.outputs().get(0));
    return reader.opType().equals("MatMul")
            && (reader.domain() == null || reader.domain().isEmpty())
            && leftOnly
        ? reader
        : null;
  }

  /** The sum of a value's gradient contributions (each consumer adds one), or null when it has none. */
  private static String total(
      GraphBuilder b, RankInference ranks, List<String> parts, String value) {
    if (parts == null || parts.isEmpty()) {
      return null;
    }
    if (parts.size() > 1) {
      String sum = b.op("Sum", parts.toArray(String[]::new));
      ranks.record(sum, ranks.rank(value));
      parts.clear();
      parts.add(sum);
    }
    return parts.get(0);
  }

  /** The values that depend on any of {@code roots}, found in one pass over the topologically ordered nodes. */
  private static Set<String> dependents(Graph graph, List<String> roots) {
    Set<String> names = new HashSet<>();
    graph.inputs().forEach(v -> names.add(v.name()));
    graph.initializers().forEach(v -> names.add(v.name()));
    for (String root : roots) {
      if (!names.contains(root)) {
        throw new IllegalArgumentException("cannot differentiate with respect to '" + root
            + "': it is not an input or initializer of graph '" + graph.name() + "'");
      }
    }
    Set<String> dependent = new HashSet<>(roots);
    for (Node node : graph.nodes()) {
      if (node.inputs().stream().anyMatch(dependent::contains)) {
        dependent.addAll(node.outputs());
      }
    }
    return dependent;
  }
}
