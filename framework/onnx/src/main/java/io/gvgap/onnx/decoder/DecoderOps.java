package io.gvgap.onnx.decoder;

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
