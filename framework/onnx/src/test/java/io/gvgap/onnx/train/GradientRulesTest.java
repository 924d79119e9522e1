package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderOps;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every gradient rule against central finite differences. Each graph ends in L = Σ r ⊙ y with a fixed
 * random r, so dL/dy = r exercises every element of the rule with a different weight.
 *
 * <p>Tolerance: the values are O(1) and ONNX Runtime computes in float32 (unit roundoff u ≈ 6e-8).
 * With step h = 1e-2 the central difference has truncation error ≈ h²/6·|f'''| ≈ 2e-5 and roundoff
 * error ≈ u·|L|/h ≈ 6e-6·|L| with |L| of a few units; we require |analytic − numeric| ≤
 * 2e-3·(0.1 + |numeric|): about ten times the expected error, and far below the error of any wrong
 * rule (a dropped term or wrong transpose changes entries by O(|numeric|)).
 */
class GradientRulesTest {
  private static final double STEP = 1e-2;
  private static final double FLOOR = 0.1;
  private static final double TOLERANCE = 2e-3;

  private static float[] random(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextDouble(-1, 1);
    }
    return values;
  }

  /** Wraps an output y of the given shape into L = Σ r ⊙ y. */
  private static Function<GraphBuilder, String> projected(
      Function<GraphBuilder, String> body, long... shape) {
    return b -> {
      int count = 1;
      for (long dim : shape) {
        count *= (int) dim;
      }
      String r = b.initializer("projection", random(count, 99), shape);
      return b.op("ReduceSum", Map.of("keepdims", 0L), b.op("Mul", body.apply(b), r));
    };
  }

  private static void assertGradients(
      GradientChecker checker, Function<GraphBuilder, String> loss, String... wrt)
      throws Exception {
    GradientChecker.Report report = checker.check(loss, List.of(wrt), 40, STEP, FLOOR);
    assertThat(report.checked()).isPositive();
    assertThat(report.worstError()).as(report.where()).isLessThan(TOLERANCE);
  }

  @Test
  void addWithBiasBroadcastAndSameRankBroadcast() throws Exception {
    GradientChecker checker = new GradientChecker()
        .floatInput("x", random(24, 1), 2, 4, 3)
        .floatInput("bias", random(3, 2), 3)
        .floatInput("row", random(6, 3), 2, 1, 3);
    assertGradients(
        checker,
        projected(b -> b.op("Add", b.op("Add", "x", "bias"), "row"), 2, 4, 3),
        "x",
        "bias",
        "row");
  }

  @Test
  void subMulDivNegAndSum() throws Exception {
    GradientChecker checker = new GradientChecker()
        .floatInput("a", random(12, 4), 3, 4)
        .floatInput("b", random(4, 5), 4)
        .floatInput("c", new float[] {1.5f, 2f, -1.7f, 2.5f}, 4)
        .floatInput("s", new float[] {0.7f});
    assertGradients(
        checker,
        projected(
            b -> b.op(
                "Sum",
                b.op("Neg", b.op("Sub", "a", b.op("Mul", "b", "a"))),
                b.op("Div", "a", "c"),
                b.op("Mul", "a", "s")),
            3,
            4),
        "a",
        "b",
        "c",
        "s");
  }

  @Test
  void matMulBatchedByMatrixAndBatchedByBatched() throws Exception {
    GradientChecker checker = new GradientChecker()
        .floatInput("x", random(24, 6), 2, 3, 4)
        .floatInput("w", random(20, 7), 4, 5)
        .floatInput("p", random(24, 8), 2, 1, 3, 4)
        .floatInput("q", random(48, 9), 2, 2, 4, 3);
    assertGradients(checker, projected(b -> b.op("MatMul", "x", "w"), 2, 3, 5), "x", "w");
    assertGradients(checker, projected(b -> b.op("MatMul", "p", "q"), 2, 2, 3, 3), "p", "q");
  }

  @Test
  void transposeReshapeUnsqueezeSqueezeFlatten() throws Exception {
    GradientChecker checker = new GradientChecker().floatInput("x", random(24, 10), 2, 3, 4);
    assertGradients(
        checker,
        projected(
            b -> b.op(
                "Flatten",
                Map.of("axis", 1L),
                b.op(
                    "Squeeze",
                    b.op(
                        "Unsqueeze",
                        b.op(
                            "Reshape",
                            b.op("Transpose", Map.of("perm", new long[] {2, 0, 1}), "x"),
                            b.constant(0, 3, 2)),
                        b.constant(0)),
                    b.constant(0))),
            4,
            6),
        "x");
  }

  @Test
  void gatherWithRepeatedIndicesAccumulates() throws Exception {
    GradientChecker checker = new GradientChecker()
        .floatInput("table", random(15, 11), 5, 3)
        .longInput("ids", new long[] {4, 0, 4, 2, 4, 1}, 2, 3);
    assertGradients(
        checker,
        projected(b -> b.op("Gather", Map.of("axis", 0L), "table", "ids"), 2, 3, 3),
        "table");
  }

  @Test
  void splitWithAnUnusedPartAndConcat() throws Exception {
    GradientChecker checker = new GradientChecker()
        .floatInput("x", random(18, 12), 2, 9)
        .floatInput("y", random(4, 13), 2, 2);
    assertGradients(
        checker,
        projected(
            b -> {
              List<String> parts = b.ops("Split", 3, Map.of("axis", 1L), "x", b.constant(2, 3, 4));
              return b.op("Concat", Map.of("axis", -1L), parts.get(0), "y", parts.get(2));
            },
            2,
            8),
        "x",
        "y");
  }

  @Test
  void layerNormalizationOverTheLastAxis() throws Exception {
    GradientChecker checker = new GradientChecker()
        .floatInput("x", random(24, 14), 2, 3, 4)
        .floatInput("gamma", random(4, 15), 4)
        .floatInput("beta", random(4, 16), 4);
    assertGradients(
        checker,
        projected(
            b -> b.op(
                "LayerNormalization", Map.of("axis", -1L, "epsilon", 1e-5f), "x", "gamma", "beta"),
            2,
            3,
            4),
        "x",
        "gamma",
        "beta");
  }

  @Test
  void softmaxLogSoftmaxTanhExp() throws Exception {
    GradientChecker checker = new GradientChecker().floatInput("x", random(12, 17), 3, 4);
    assertGradients(
        checker,
        projected(
            b -> b.op(
                "Add",
                b.op("Softmax", Map.of("axis", -1L), "x"),
                b.op(
                    "Add",
                    b.op("LogSoftmax", Map.of("axis", -1L), "x"),
                    b.op("Add", b.op("Tanh", "x"), b.op("Exp", "x")))),
            3,
            4),
        "x");
  }

  /**
   * ONNX Runtime's FastGelu (the training graphs' activation) over x in [−4, 4], where tanh runs from
   * its linear part to saturation; the rule's fused derivative against finite differences.
   */
  @Test
  void fastGeluOverItsWholeRange() throws Exception {
    float[] x = new float[24];
    for (int i = 0; i < x.length; i++) {
      x[i] = -4f + 8f * i / (x.length - 1) + 0.01f;
    }
    GradientChecker checker = new GradientChecker().floatInput("x", x, 4, 6);
    assertGradients(checker, projected(b -> DecoderOps.fastGelu(b, "x", "gelu"), 4, 6), "x");
  }

  @Test
  void fastGeluWithItsBiasInputFailsNamingTheNode() {
    GraphBuilder b = new GraphBuilder("gelu_bias");
    b.input("x", ElementType.FLOAT, 3);
    b.input("bias", ElementType.FLOAT, 3);
    b.node(new Node(
        "FastGelu", "com.microsoft", "gelu", List.of("x", "bias"), List.of("y"), Map.of()));
    b.output(b.op("ReduceSum", Map.of("keepdims", 0L), "y"), "loss", ElementType.FLOAT);
    assertThatThrownBy(() -> ReverseMode.differentiate(b.build(), "loss", List.of("x")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("gelu")
        .hasMessageContaining("without its bias input");
  }

  /**
   * A Softmax read only by a MatMul (attention's P·V) takes its row sums from the product and its
   * gradient (rowsum(P ⊙ dP) = rowsum(dO ⊙ O)); against finite differences for the scores and V.
   */
  @Test
  void softmaxReadOnlyByAProductUsesTheProductsRowSums() throws Exception {
    GradientChecker checker = new GradientChecker()
        .floatInput("s", random(2 * 4 * 4, 21), 2, 4, 4)
        .floatInput("v", random(2 * 4 * 3, 22), 2, 4, 3);
    assertGradients(
        checker,
        projected(b -> b.op("MatMul", b.op("Softmax", Map.of("axis", -1L), "s"), "v"), 2, 4, 3),
        "s",
        "v");
  }

  /**
   * The attention path of a gvgap decoder's gradient graph reads each Softmax output in one Mul only
   * (P ⊙ (dP − row sums)), not also in the P ⊙ dP of the general rule, and never transposes it.
   */
  @Test
  void aDecodersAttentionSoftmaxOutputIsReadByOneMulOfTheGradient() {
    Graph step = decoderStep(new DecoderConfig(7, 6, 2, 8, 2, 16, true, 1e-5f));
    List<String> softmaxOutputs = softmaxOutputs(step);
    assertThat(softmaxOutputs).hasSize(2);
    for (String p : softmaxOutputs) {
      assertThat(readers(step, "Mul", p)).as(p).isEqualTo(1);
      // V's gradient is (dOᵀ·P)ᵀ: the [T, T] matrix is read as it is, never transposed
      assertThat(readers(step, "Transpose", p)).as("Transpose of %s", p).isZero();
    }
  }

  /** Heads wider than {@link GradientRules#NARROW_PRODUCT} keep the transposed [T, T] operand. */
  @Test
  void aWideHeadsAttentionMatrixIsTransposedForVsGradient() {
    Graph step = decoderStep(new DecoderConfig(7, 6, 1, 64, 1, 16, true, 1e-5f));
    List<String> softmaxOutputs = softmaxOutputs(step);
    assertThat(softmaxOutputs).hasSize(1);
    assertThat(readers(step, "Transpose", softmaxOutputs.get(0))).isEqualTo(1);
  }

  private static Graph decoderStep(DecoderConfig config) {
    return TrainingStepGraph.build(config, AdamWSchedule.standard(3e-3, 0, 100));
  }

  private static List<String> softmaxOutputs(Graph graph) {
    return graph.nodes().stream()
        .filter(n -> n.opType().equals("Softmax"))
        .map(n -> n.outputs().get(0))
        .toList();
  }

  /** Nodes of type {@code opType} that read {@code value}. */
  private static long readers(Graph graph, String opType, String value) {
    return graph.nodes().stream()
        .filter(n -> n.opType().equals(opType) && n.inputs().contains(value))
        .count();
  }

  @Test
  void reduceSumKeepingAndDroppingAxes() throws Exception {
    GradientChecker checker = new GradientChecker().floatInput("x", random(24, 18), 2, 3, 4);
    assertGradients(
        checker,
        projected(
            b -> b.op(
                "Add",
                b.op("ReduceSum", Map.of("keepdims", 0L), "x", b.constant(1)),
                b.op("ReduceSum", Map.of("keepdims", 1L), "x", b.constant(-1, 1))),
            2,
            1,
            4),
        "x");
  }

  @Test
  void whereRoutesGradientsByCondition() throws Exception {
    GradientChecker checker = new GradientChecker()
        .floatInput("x", random(6, 19), 2, 3)
        .floatInput("y", random(3, 20), 3);
    assertGradients(
        checker,
        projected(b -> b.op("Where", b.op("Greater", "x", b.scalar(0f)), "x", "y"), 2, 3),
        "x",
        "y");
  }

  @Test
  void anOperatorWithoutARuleFailsNamingTheNode() {
    GraphBuilder b = new GraphBuilder("no_rule");
    b.input("x", ElementType.FLOAT, 3);
    String y = b.op("Relu", "x");
    b.output(b.op("ReduceSum", Map.of("keepdims", 0L), y), "loss", ElementType.FLOAT);
    assertThatThrownBy(() -> ReverseMode.differentiate(b.build(), "loss", List.of("x")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Relu_1")
        .hasMessageContaining("Relu")
        .hasMessageContaining("LayerNormalization");
  }
}
