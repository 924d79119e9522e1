package io.gvgap.onnx.arch;

import io.gvgap.onnx.decoder.DecoderOps;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * The layers of an {@link ArchitectureConfig}, written once for every graph gvgap builds from the
 * description: normalisations, rotary positions and the LM head (standard operators, shared by the
 * written {@link ArchitectureGraph}); and, for the graphs gvgap builds for its own ONNX Runtime at
 * load time ({@link ArchitectureStepGraph}), the canonical weights ({@link HfWeights}) as
 * initializers with query, key and value projections fused into one matrix ({@code layers.i.qkv})
 * and a gated MLP's gate and up projections into another ({@code layers.i.gate_up}), so each runs
 * as one product, and GELU as the contrib {@code FastGelu}. Weights keep their canonical values
 * (Gemma's norm weights w; the graph adds the 1).
 */
final class ArchitectureLayers {
  private ArchitectureLayers() {}

  /** Adds every weight the runtime graphs read. */
  static void add(GraphBuilder b, ArchitectureConfig config, Map<String, float[]> weights) {
    int hidden = config.hiddenSize();
    int qWidth = config.heads() * config.headDim();
    int kvWidth = config.kvHeads() * config.headDim();
    int inner = config.intermediateSize();
    b.initializer("embed.weight", weights.get("embed.weight"), config.vocabSize(), hidden);
    if (weights.containsKey("positions.weight")) {
      b.initializer(
          "positions.weight", weights.get("positions.weight"), config.contextLength(), hidden);
    }
    if (weights.containsKey("lm_head.weight")) {
      b.initializer("lm_head.weight", weights.get("lm_head.weight"), config.vocabSize(), hidden);
    }
    for (Map.Entry<String, float[]> entry : weights.entrySet()) {
      String name = entry.getKey();
      if (name.contains("norm")) {
        b.initializer(name, entry.getValue(), entry.getValue().length);
      }
    }
    for (int i = 0; i < config.layers(); i++) {
      String p = "layers." + i + ".";
      b.initializer(
          p + "qkv.weight",
          columns(
              hidden,
              List.of(
                  weights.get(p + "q.weight"),
                  weights.get(p + "k.weight"),
                  weights.get(p + "v.weight")),
              qWidth,
              kvWidth,
              kvWidth),
          hidden,
          qWidth + 2 * kvWidth);
      if (weights.containsKey(p + "q.bias")) {
        b.initializer(
            p + "qkv.bias",
            concat(weights.get(p + "q.bias"), weights.get(p + "k.bias"), weights.get(p + "v.bias")),
            qWidth + 2 * kvWidth);
      }
      b.initializer(p + "o.weight", weights.get(p + "o.weight"), qWidth, hidden);
      bias(b, weights, p + "o.bias");
      if (config.gatedMlp()) {
        b.initializer(
            p + "gate_up.weight",
            columns(
                hidden,
                List.of(weights.get(p + "gate.weight"), weights.get(p + "up.weight")),
                inner,
                inner),
            hidden,
            2 * inner);
      } else {
        b.initializer(p + "up.weight", weights.get(p + "up.weight"), hidden, inner);
        bias(b, weights, p + "up.bias");
      }
      b.initializer(p + "down.weight", weights.get(p + "down.weight"), inner, hidden);
      bias(b, weights, p + "down.bias");
    }
  }

  /** The fused query, key and value projection of layer prefix {@code p} (with its bias). */
  static String qkv(GraphBuilder b, Map<String, float[]> weights, String x, String p) {
    String product = b.op("MatMul", x, p + "qkv.weight");
    return weights.containsKey(p + "q.bias") ? b.op("Add", product, p + "qkv.bias") : product;
  }

  /** {@code x · prefix.weight (+ prefix.bias)}. */
  static String linear(GraphBuilder b, Map<String, float[]> weights, String x, String prefix) {
    String product = b.op("MatMul", x, prefix + ".weight");
    return weights.containsKey(prefix + ".bias") ? b.op("Add", product, prefix + ".bias") : product;
  }

  /** The MLP of layer prefix {@code p} on its normalised input. */
  static String mlp(
      GraphBuilder b, ArchitectureConfig config, Map<String, float[]> weights, String x, String p) {
    String inner;
    if (config.gatedMlp()) {
      int width = config.intermediateSize();
      List<String> gateUp = b.ops(
          "Split",
          2,
          Map.of("axis", -1L),
          b.op("MatMul", x, p + "gate_up.weight"),
          b.constant(width, width));
      inner = b.op("Mul", activation(b, config, gateUp.get(0), null, p), gateUp.get(1));
    } else {
      inner = activation(
          b,
          config,
          b.op("MatMul", x, p + "up.weight"),
          weights.containsKey(p + "up.bias") ? p + "up.bias" : null,
          p);
    }
    return linear(b, weights, inner, p + "down");
  }

  /** The activation of {@code x} (+ {@code bias}, fused where the operator allows) in layer p. */
  private static String activation(
      GraphBuilder b, ArchitectureConfig config, String x, String bias, String p) {
    if (config.activation() == Activation.GELU_TANH) {
      String name = p + "mlp.fast_gelu";
      b.node(new Node(
          "FastGelu",
          "com.microsoft",
          name,
          bias == null ? List.of(x) : List.of(x, bias),
          List.of(name + "_out"),
          Map.of()));
      return name + "_out";
    }
    String input = bias == null ? x : b.op("Add", x, bias);
    return b.op("Mul", input, b.op("Sigmoid", input));
  }

  /** The block's normalisation of {@code x} with weights {@code prefix}. */
  static String norm(GraphBuilder b, ArchitectureConfig config, String x, String prefix) {
    if (config.normalization() == Normalization.LAYER_NORM) {
      return DecoderOps.layerNorm(b, x, prefix, config.normEpsilon());
    }
    String meanSquare =
        b.op("ReduceMean", Map.of("axes", new long[] {-1}, "keepdims", 1L), b.op("Mul", x, x));
    String rms = b.op("Sqrt", b.op("Add", meanSquare, b.scalar(config.normEpsilon())));
    String weight = config.normalization() == Normalization.RMS_NORM_PLUS_ONE
        ? b.op("Add", prefix + ".weight", b.scalar(1f)) // folded into a constant by ONNX Runtime
        : prefix + ".weight";
    return b.op("Mul", b.op("Div", x, rms), weight);
  }

  /** The LM head written straight into graph value {@code output} (then soft-capped if asked). */
  static void head(GraphBuilder b, ArchitectureConfig config, String normed, String output) {
    String head = config.tiedEmbeddings() ? "embed.weight" : "lm_head.weight";
    String transposed = b.op("Transpose", Map.of("perm", new long[] {1, 0}), head);
    if (config.finalSoftcap() <= 0) {
      b.node(new Node(
          "MatMul", "", "lm_head_matmul", List.of(normed, transposed), List.of(output), Map.of()));
      return;
    }
    float cap = config.finalSoftcap();
    String product = b.op("MatMul", normed, transposed);
    b.node(new Node(
        "Mul",
        "",
        "final_softcap",
        List.of(b.op("Tanh", b.op("Div", product, b.scalar(cap))), b.scalar(cap)),
        List.of(output),
        Map.of()));
  }

  /** cos and sin of every position of {@code position_ids}: [batch, 1, seq, head_dim]. */
  static String[] rotaryTables(GraphBuilder b, ArchitectureConfig config) {
    double[] inverse =
        config.ropeScaling().inverseFrequencies(config.ropeTheta(), config.headDim());
    float[] values = new float[inverse.length];
    for (int i = 0; i < inverse.length; i++) {
      values[i] = (float) inverse[i];
    }
    String frequencies = b.initializer("rotary.inverse_frequencies", values, values.length);
    String positions = b.op(
        "Unsqueeze",
        b.op("Cast", Map.of("to", (long) ElementType.FLOAT.onnxCode()), "position_ids"),
        b.constant(2));
    String angles = b.op("Mul", positions, frequencies);
    String full =
        b.op("Unsqueeze", b.op("Concat", Map.of("axis", -1L), angles, angles), b.constant(1));
    return new String[] {b.op("Cos", full), b.op("Sin", full)};
  }

  /** {@code x·cos + rotate_half(x)·sin}, rotate_half(x) = [-x2, x1] of x's two halves. */
  static String rotate(GraphBuilder b, String x, String[] rotary, int headDim) {
    List<String> halves =
        b.ops("Split", 2, Map.of("axis", -1L), x, b.constant(headDim / 2, headDim / 2));
    String rotated = b.op("Concat", Map.of("axis", -1L), b.op("Neg", halves.get(1)), halves.get(0));
    return b.op("Add", b.op("Mul", x, rotary[0]), b.op("Mul", rotated, rotary[1]));
  }

  private static void bias(GraphBuilder b, Map<String, float[]> weights, String name) {
    if (weights.containsKey(name)) {
      b.initializer(name, weights.get(name), weights.get(name).length);
    }
  }

  /** Matrices of {@code rows} rows side by side, of {@code widths} columns each. */
  private static float[] columns(int rows, List<float[]> matrices, int... widths) {
    int total = 0;
    for (int width : widths) {
      total += width;
    }
    float[] joined = new float[rows * total];
    int offset = 0;
    for (int m = 0; m < matrices.size(); m++) {
      for (int r = 0; r < rows; r++) {
        System.arraycopy(matrices.get(m), r * widths[m], joined, r * total + offset, widths[m]);
      }
      offset += widths[m];
    }
    return joined;
  }

  private static float[] concat(float[]... parts) {
    int length = 0;
    for (float[] part : parts) {
      length += part.length;
    }
    float[] joined = new float[length];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }
}
