package io.gvgap.onnx.train;

import io.gvgap.onnx.decoder.DecoderGraph;
import io.gvgap.onnx.graph.GraphBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Causal attention over a full sequence computed block by block, skipping the blocks that the
 * causal mask hides. The sequence's T positions are cut into {@code n} consecutive blocks (block
 * {@code i} ends at ⌊(i + 1)·T / n⌋, so sizes differ by at most one and a block is empty when T &lt;
 * n); the queries of block {@code i} attend only to the keys of blocks 0 … {@code i}, the only keys
 * the mask leaves them. The scores, the softmax and their gradients then cover T²·(n + 1)/(2n) entries
 * instead of T² (3/4 for two blocks, 2/3 for three), and the result is the same: the skipped scores
 * would have had weight exp(−∞) = 0.
 *
 * <p>Every block's operands get shapes that {@link ShapeInference} can name ({@code Split} sizes from
 * one shared value, prefixes joined with {@code +}), so the gradient rules still prove that the bias
 * addition broadcasts nothing and emit no run-time sum over the scores.
 *
 * <p>With {@code n = 1} this is the plain masked attention: one [T, T] bias and one softmax.
 */
final class CausalBlocks {
  private final int count;
  /** [n] int64, the blocks' sizes (the shared Split input); null when {@code count} is 1. */
  private final String sizes;
  /** Per block: the [rows, keys] additive mask (0 or {@link DecoderGraph#MASKED}). */
  private final List<String> biases = new ArrayList<>();

  /**
   * Adds the shared nodes (block sizes and per-block masks) for sequence positions {@code positions}
   * ([T] int64, 0 … T − 1).
   */
  CausalBlocks(GraphBuilder b, String positions, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("attention blocks must be at least 1, got " + count);
    }
    this.count = count;
    if (count == 1) {
      sizes = null;
      biases.add(bias(b, positions, positions));
      return;
    }
    String length = b.op("Shape", positions);
    long[] multiples = new long[count + 1];
    for (int i = 0; i <= count; i++) {
      multiples[i] = i;
    }
    String boundaries = b.op("Div", b.op("Mul", length, b.constant(multiples)), b.constant(count));
    sizes = b.op(
        "Sub",
        b.op("Slice", boundaries, b.constant(1), b.constant(count + 1)),
        b.op("Slice", boundaries, b.constant(0), b.constant(count)));
    List<String> parts = split(b, positions, 0);
    for (int i = 0; i < count; i++) {
      biases.add(bias(b, parts.get(i), prefix(b, parts, positions, i, 0)));
    }
  }

  /**
   * Masked scaled-dot-product attention of {@code query}, {@code key}, {@code value} [batch, heads,
   * T, head width] (the query already scaled): softmax(q·kᵀ + mask)·v, as [batch, heads, T, head
   * width].
   */
  String attend(GraphBuilder b, String query, String key, String value) {
    if (count == 1) {
      return block(b, query, key, value, biases.get(0));
    }
    List<String> queries = split(b, query, 2);
    List<String> keys = split(b, key, 2);
    List<String> values = split(b, value, 2);
    String[] outputs = new String[count];
    for (int i = 0; i < count; i++) {
      outputs[i] = block(
          b,
          queries.get(i),
          prefix(b, keys, key, i, 2),
          prefix(b, values, value, i, 2),
          biases.get(i));
    }
    return b.op("Concat", Map.of("axis", 2L), outputs);
  }

  private static String block(GraphBuilder b, String query, String key, String value, String bias) {
    String scores = b.op(
        "Add",
        b.op("MatMul", query, b.op("Transpose", Map.of("perm", new long[] {0, 1, 3, 2}), key)),
        bias);
    return b.op("MatMul", b.op("Softmax", Map.of("axis", -1L), scores), value);
  }

  /** 0 where key position ≤ query position, else {@link DecoderGraph#MASKED}: [queries, keys]. */
  private static String bias(GraphBuilder b, String queryPositions, String keyPositions) {
    String allowed = b.op(
        "LessOrEqual",
        b.op("Unsqueeze", keyPositions, b.constant(0)),
        b.op("Unsqueeze", queryPositions, b.constant(1)));
    return b.op("Where", allowed, b.scalar(0f), b.scalar(DecoderGraph.MASKED));
  }

  private List<String> split(GraphBuilder b, String value, long axis) {
    return b.ops("Split", count, Map.of("axis", axis), value, sizes);
  }

  /**
   * Blocks 0 … {@code i} of {@code parts} joined along {@code axis}: the first part alone, the
   * whole {@code value} for the last block, a Concat in between.
   */
  private String prefix(GraphBuilder b, List<String> parts, String value, int i, long axis) {
    if (i == 0) {
      return parts.get(0);
    }
    if (i == count - 1) {
      return value;
    }
    return b.op("Concat", Map.of("axis", axis), parts.subList(0, i + 1).toArray(String[]::new));
  }
}
