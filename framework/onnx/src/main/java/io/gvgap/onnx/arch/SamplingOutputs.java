package io.gvgap.onnx.arch;

import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * The sampling outputs of a decode step, computed in the graph from its {@code logits} [rows, 1,
 * vocab] and input {@code sampling} [2] (1 / temperature, then the nucleus floor (1 - top_p) /
 * vocab), so that sampling reads a few numbers per row instead of the whole vocabulary: {@code
 * top_logits}, {@code top_ids} [rows, 1, k] (the {@link #candidates} largest logits and their
 * ids); {@code log_normalizer} [rows, 1, 1] (the log-sum-exp of all logits); {@code nucleus_mass}
 * [rows, 1, 1] (the sum of exp((logit - max) / temperature) over the ids whose term is at least
 * the nucleus floor times the sum over all ids: the mass {@code TokenSampler} walks its nucleus in).
 */
public final class SamplingOutputs {
  /** Candidates the graph returns per row (fewer when the vocabulary is smaller). */
  public static final int CANDIDATES = 64;

  private SamplingOutputs() {}

  /** The candidates of a vocabulary: {@link #CANDIDATES}, or the vocabulary when smaller. */
  public static int candidates(int vocabSize) {
    return Math.min(CANDIDATES, vocabSize);
  }

  /** Adds the outputs after {@code logits}. */
  public static void add(GraphBuilder b, int vocabSize) {
    int k = candidates(vocabSize);
    b.node(new Node(
        "TopK",
        "",
        "top_candidates",
        List.of("logits", b.constant(k)),
        List.of("top_logits", "top_ids"),
        Map.of("axis", -1L, "largest", 1L, "sorted", 1L)));
    b.output("top_logits", "top_logits", ElementType.FLOAT, "rows", 1, k);
    b.output("top_ids", "top_ids", ElementType.INT64, "rows", 1, k);
    // every row of the reductions starts 64-byte aligned (the vocabulary padded to a multiple of 16
    // with logits whose exp is 0), so a row's sums do not depend on its place in the batch
    int padding = (16 - vocabSize % 16) % 16;
    String aligned = padding == 0
        ? "logits"
        : b.op("Pad", "logits", b.constant(0, 0, 0, 0, 0, padding), b.scalar(-1e30f));
    String lastAxis = b.constant(-1);
    String max = b.op("ReduceMax", Map.of("keepdims", 1L, "axes", new long[] {-1}), aligned);
    String shifted = b.op("Sub", aligned, max);
    String sumExp = b.op("ReduceSum", Map.of("keepdims", 1L), b.op("Exp", shifted), lastAxis);
    b.output(
        b.op("Add", max, b.op("Log", sumExp)), "log_normalizer", ElementType.FLOAT, "rows", 1, 1);
    String inverseTemperature = b.op("Slice", "sampling", b.constant(0), b.constant(1));
    String floorFraction = b.op("Slice", "sampling", b.constant(1), b.constant(2));
    String tempered = b.op("Exp", b.op("Mul", shifted, inverseTemperature));
    String total = b.op("ReduceSum", Map.of("keepdims", 1L), tempered, lastAxis);
    String kept = b.op(
        "Where",
        b.op("GreaterOrEqual", tempered, b.op("Mul", total, floorFraction)),
        tempered,
        b.scalar(0f));
    b.output(
        b.op("ReduceSum", Map.of("keepdims", 1L), kept, lastAxis),
        "nucleus_mass",
        ElementType.FLOAT,
        "rows",
        1,
        1);
  }
}
