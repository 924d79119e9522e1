package io.gvgap.onnx.decoder;

import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * The building blocks the inference decoder ({@link DecoderGraph}) and the training forward graph
 * share, written once so that both compute exactly the same function of the same parameters.
 */
public final class DecoderOps {

  private DecoderOps() {}

  /**
   * [batch, 1, sequence, total] float from inputs {@code input_ids} and {@code attention_mask}: 0
   * where a query may attend a key (causal, not padding, and when {@code window} > 0 fewer than
   * {@code window} positions back), {@link DecoderGraph#MASKED} elsewhere.
   */
  public static String attentionBias(GraphBuilder b, int window) {
    String scalarAxis = b.constant(0);
    String sequence = b.op(
        "Squeeze",
        b.op("Slice", b.op("Shape", "input_ids"), b.constant(1), b.constant(2)),
        scalarAxis);
    String total = b.op(
        "Squeeze",
        b.op("Slice", b.op("Shape", "attention_mask"), b.constant(1), b.constant(2)),
        scalarAxis);
    String zero = b.op("Squeeze", b.constant(0), scalarAxis);
    String one = b.op("Squeeze", b.constant(1), scalarAxis);
    String keys = b.op("Unsqueeze", b.op("Range", zero, total, one), b.constant(0));
    String queries =
        b.op("Unsqueeze", b.op("Range", b.op("Sub", total, sequence), total, one), b.constant(1));
    String allowed = b.op("LessOrEqual", keys, queries);
    if (window > 0) {
      allowed = b.op("And", allowed, b.op("Less", b.op("Sub", queries, keys), b.constant(window)));
    }
    String padding = b.op(
        "Unsqueeze",
        b.op("Cast", Map.of("to", (long) ElementType.BOOL.onnxCode()), "attention_mask"),
        b.constant(1, 2));
    return b.op(
        "Where", b.op("And", allowed, padding), b.scalar(0f), b.scalar(DecoderGraph.MASKED));
  }

  /**
   * [sequence] int64, the positions 0 .. sequence − 1 of input {@code input_ids} [batch, sequence]:
   * every row's positions in a full-sequence (training) pass, right padding keeping them the same.
   */
  public static String sequencePositions(GraphBuilder b) {
    String scalarAxis = b.constant(0);
    String sequence = b.op(
        "Squeeze",
        b.op("Slice", b.op("Shape", "input_ids"), b.constant(1), b.constant(2)),
        scalarAxis);
    String zero = b.op("Squeeze", b.constant(0), scalarAxis);
    String one = b.op("Squeeze", b.constant(1), scalarAxis);
    return b.op("Range", zero, sequence, one);
  }

  /**
   * The final hidden states whose logits are computed: all of {@code normed} [batch, sequence,
   * width], or with {@code logitsFromInput} positions {@value DecoderGraph#LOGITS_FROM} ..
   * sequence − 1 only (the input of that name).
   */
  public static String logitPositions(GraphBuilder b, String normed, boolean logitsFromInput) {
    return logitsFromInput
        ? b.op("Slice", normed, DecoderGraph.LOGITS_FROM, b.constant(Long.MAX_VALUE), b.constant(1))
        : normed;
  }

  /** Declares the graph output {@code logits} [batch, positions, vocabSize] that {@link #logitPositions} selects. */
  public static void logitsOutput(GraphBuilder b, boolean logitsFromInput, int vocabSize) {
    b.output(
        "logits",
        "logits",
        ElementType.FLOAT,
        "batch_size",
        logitsFromInput ? "logits_length" : "sequence_length",
        vocabSize);
  }

  /** LayerNormalization over the last axis with parameters {@code prefix.weight} and {@code prefix.bias}. */
  public static String layerNorm(GraphBuilder b, String x, String prefix, float epsilon) {
    return b.op(
        "LayerNormalization",
        Map.of("axis", -1L, "epsilon", epsilon),
        x,
        prefix + ".weight",
        prefix + ".bias");
  }

  /** {@code x · prefix.weight + prefix.bias} (GPT-2's Conv1D layout: weight is [in, out]). */
  public static String linear(GraphBuilder b, String x, String prefix) {
    return b.op("Add", b.op("MatMul", x, prefix + ".weight"), prefix + ".bias");
  }

  /** [batch, seq, width] to [batch, heads, seq, head_dim], given the reshape target {@code toHeads}. */
  public static String splitHeads(GraphBuilder b, String x, String toHeads) {
    return b.op("Transpose", Map.of("perm", new long[] {0, 2, 1, 3}), b.op("Reshape", x, toHeads));
  }

  /**
   * {@code gelu(x·W + b)} of the linear layer {@code prefix} as ONNX Runtime's contrib
   * {@code com.microsoft:FastGelu} (GPT-2's tanh approximation with the bias add fused, one operator
   * instead of nine): for graphs only gvgap's ONNX Runtime runs, never for written model files.
   */
  public static String fastGeluLinear(GraphBuilder b, String x, String prefix) {
    String product = b.op("MatMul", x, prefix + ".weight");
    String name = prefix + ".fast_gelu";
    b.node(new Node(
        "FastGelu",
        "com.microsoft",
        name,
        List.of(product, prefix + ".bias"),
        List.of(name + "_out"),
        Map.of()));
    return name + "_out";
  }

  /**
   * GPT-2's tanh GELU of {@code x} as one ONNX Runtime contrib {@code com.microsoft:FastGelu} node
   * named {@code name} (no bias input), for graphs only gvgap's ONNX Runtime runs: the training
   * graphs, whose gradient rule for it ({@code io.gvgap.onnx.train.GradientRules}) is one fused
   * expression instead of the derivative of {@link #gelu}'s nine operators.
   */
  public static String fastGelu(GraphBuilder b, String x, String name) {
    b.node(
        new Node("FastGelu", "com.microsoft", name, List.of(x), List.of(name + "_out"), Map.of()));
    return name + "_out";
  }

  /** GPT-2's tanh approximation of GELU. */
  public static String gelu(GraphBuilder b, String x) {
    String cube = b.op("Mul", b.op("Mul", x, x), x);
    String inner =
        b.op("Mul", b.op("Add", x, b.op("Mul", cube, b.scalar(0.044715f))), b.scalar((float)
            Math.sqrt(2 / Math.PI)));
    return b.op(
        "Mul", b.op("Mul", x, b.scalar(0.5f)), b.op("Add", b.op("Tanh", inner), b.scalar(1f)));
  }

  /**
   * The LM head: {@code normed · Wᵀ} (the tied token embedding or {@code lm_head.weight}) written
   * straight into the graph value {@code logits} (an Identity to a renamed output would copy the
   * logits). The caller declares the output with its shape.
   */
  public static void lmHead(GraphBuilder b, String normed, DecoderConfig config) {
    String head = config.tiedEmbeddings() ? "transformer.wte.weight" : "lm_head.weight";
    b.node(new Node(
        "MatMul",
        "",
        "lm_head_matmul",
        List.of(normed, b.op("Transpose", Map.of("perm", new long[] {1, 0}), head)),
        List.of("logits"),
        Map.of()));
  }
}
