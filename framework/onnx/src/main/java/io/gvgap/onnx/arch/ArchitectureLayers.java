package io.gvgap.onnx.arch;

import io.gvgap.onnx.checkpoint.HalfFloats;
import io.gvgap.onnx.decoder.DecoderOps;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layers of an {@link ArchitectureConfig} for one graph being built, written once for every
 * graph gvgap builds from the description: normalisations, rotary positions, products with block
 * matrices at their {@link WeightPrecision} (a MatMul of an fp32 initializer, of an fp16 one widened
 * by a Cast that ONNX Runtime folds at load, or ONNX Runtime's {@code MatMulNBits} over
 * block-quantised codes), the MLP and the LM head.
 *
 * <p>Two weight layouts: {@link #addWrittenWeights} registers every canonical weight as it is (the
 * standard-operator graph written into model files, {@link ArchitectureGraph}); {@link
 * #addRuntimeWeights} fuses query, key and value projections into one matrix ({@code layers.i.qkv})
 * and a gated MLP's gate and up projections into another ({@code layers.i.gate_up}), so each runs
 * as one product, and uses the contrib {@code FastGelu} (graphs gvgap builds for its own ONNX
 * Runtime at load time, {@link ArchitectureStepGraph}).
 */
final class ArchitectureLayers {
  /** Suffix of a block-quantised matrix's packed codes (UINT8 [n, blocks, bytes]). */
  static final String CODES = ".codes";
  /** Suffix of a block-quantised matrix's scales (FLOAT [n · blocks]). */
  static final String SCALES = ".scales";
  /**
   * MatMulNBits' accuracy level: 4 quantises each row of activations to int8 per block and
   * multiplies in integers (on this machine 1.4x fp32's generation speed at int8 and int4, against
   * 0.2x and 1.1x with level 0's float products of dequantised weights; bench/quantization.sh).
   */
  static final long ACCURACY_LEVEL = 4;

  /** Suffix of an fp16-stored matrix's initializer (widened by a Cast to the canonical name). */
  static final String HALF = ".f16";

  private static final java.util.regex.Pattern FUSED_BIAS =
      java.util.regex.Pattern.compile("layers\\.\\d+\\.(q|k|v)\\.bias");

  private final GraphBuilder b;
  private final ArchitectureConfig config;
  private final DecoderWeights weights;
  private final boolean runtime;
  private final Map<String, BlockQuantizedMatrix> quantizedByName = new HashMap<>();

  ArchitectureLayers(
      GraphBuilder b, ArchitectureConfig config, DecoderWeights weights, boolean runtime) {
    this.b = b;
    this.config = config;
    this.weights = weights;
    this.runtime = runtime;
  }

  /** Registers the weights as they are (the written graph). */
  void addWrittenWeights() {
    addVectorsAndEmbeddings();
    for (int i = 0; i < config.layers(); i++) {
      String p = "layers." + i + ".";
      for (String part : List.of("q", "k", "v", "o", "gate", "up", "down")) {
        String name = p + part + ".weight";
        if (weights.quantized().containsKey(name)) {
          addQuantized(name, weights.quantized().get(name));
        } else if (weights.floats().containsKey(name)) {
          float[] values = weights.floats().get(name);
          int in = DecoderWeights.inputWidth(config, name);
          addMatrix(name, values, in, values.length / in);
        }
      }
    }
  }

  /**
   * Declares every weight as a graph input of its shape (a training graph, whose weights change),
   * under its canonical name and in the written layout.
   */
  void addTrainingInputs() {
    shapes(config, weights.floats())
        .forEach((name, shape) -> b.input(name, ElementType.FLOAT, boxed(shape)));
  }

  /** The shape of each canonical weight of {@code config}. */
  static Map<String, long[]> shapes(ArchitectureConfig config, Map<String, float[]> weights) {
    Map<String, long[]> shapes = new java.util.LinkedHashMap<>();
    int hidden = config.hiddenSize();
    for (Map.Entry<String, float[]> entry : weights.entrySet()) {
      String name = entry.getKey();
      int length = entry.getValue().length;
      if (name.equals("embed.weight") || name.equals("lm_head.weight")) {
        shapes.put(name, new long[] {config.vocabSize(), hidden});
      } else if (name.equals("positions.weight")) {
        shapes.put(name, new long[] {config.contextLength(), hidden});
      } else if (DecoderWeights.isMatrix(name)) {
        int in = DecoderWeights.inputWidth(config, name);
        shapes.put(name, new long[] {in, length / in});
      } else {
        shapes.put(name, new long[] {length});
      }
    }
    return shapes;
  }

  private static Object[] boxed(long[] shape) {
    Object[] dims = new Object[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
    }
    return dims;
  }

  /** Registers the weights with fused qkv and gate-up matrices (the runtime graphs). */
  void addRuntimeWeights() {
    addVectorsAndEmbeddings();
    int hidden = config.hiddenSize();
    int qWidth = config.heads() * config.headDim();
    int kvWidth = config.kvHeads() * config.headDim();
    int inner = config.intermediateSize();
    for (int i = 0; i < config.layers(); i++) {
      String p = "layers." + i + ".";
      fused(
          p + "qkv.weight",
          List.of(p + "q.weight", p + "k.weight", p + "v.weight"),
          hidden,
          qWidth,
          kvWidth,
          kvWidth);
      if (weights.floats().containsKey(p + "q.bias")) {
        b.initializer(
            p + "qkv.bias",
            concat(weights.get(p + "q.bias"), weights.get(p + "k.bias"), weights.get(p + "v.bias")),
            qWidth + 2 * kvWidth);
      }
      single(p + "o.weight", qWidth, hidden);
      if (config.gatedMlp()) {
        fused(
            p + "gate_up.weight",
            List.of(p + "gate.weight", p + "up.weight"),
            hidden,
            inner,
            inner);
      } else {
        single(p + "up.weight", hidden, inner);
      }
      single(p + "down.weight", inner, hidden);
    }
  }

  private void addVectorsAndEmbeddings() {
    int hidden = config.hiddenSize();
    b.initializer("embed.weight", weights.get("embed.weight"), config.vocabSize(), hidden);
    if (weights.has("positions.weight")) {
      b.initializer(
          "positions.weight", weights.get("positions.weight"), config.contextLength(), hidden);
    }
    if (weights.has("lm_head.weight")) {
      b.initializer("lm_head.weight", weights.get("lm_head.weight"), config.vocabSize(), hidden);
    }
    for (Map.Entry<String, float[]> entry : weights.floats().entrySet()) {
      String name = entry.getKey();
      if (runtime && FUSED_BIAS.matcher(name).matches()) {
        continue; // in layers.i.qkv.bias
      }
      if (name.endsWith(".bias") || name.contains("norm")) {
        b.initializer(name, entry.getValue(), entry.getValue().length);
      }
    }
  }

  private void single(String name, int in, int out) {
    if (weights.quantized().containsKey(name)) {
      addQuantized(name, weights.quantized().get(name));
    } else {
      addMatrix(name, weights.get(name), in, out);
    }
  }

  private void fused(String name, List<String> parts, int in, int... widths) {
    if (weights.quantized().containsKey(parts.get(0))) {
      addQuantized(
          name,
          BlockQuantizedMatrix.columns(
              parts.stream().map(part -> weights.quantized().get(part)).toList()));
      return;
    }
    int total = 0;
    for (int width : widths) {
      total += width;
    }
    float[] joined = new float[in * total];
    int offset = 0;
    for (int m = 0; m < parts.size(); m++) {
      float[] matrix = weights.get(parts.get(m));
      for (int r = 0; r < in; r++) {
        System.arraycopy(matrix, r * widths[m], joined, r * total + offset, widths[m]);
      }
      offset += widths[m];
    }
    addMatrix(name, joined, in, total);
  }

  private void addMatrix(String name, float[] values, int in, int out) {
    if (weights.precision() == WeightPrecision.FP16 && !runtime) {
      byte[] half = new byte[2 * values.length];
      for (int i = 0; i < values.length; i++) {
        short bits = HalfFloats.floatToF16(values[i]);
        half[2 * i] = (byte) bits;
        half[2 * i + 1] = (byte) (bits >> 8);
      }
      b.initializer(name + HALF, ElementType.FLOAT16, half, in, out);
      b.node(new Node(
          "Cast",
          "",
          name.replace('.', '_') + "_widen",
          List.of(name + HALF),
          List.of(name),
          Map.of("to", (long) ElementType.FLOAT.onnxCode())));
    } else {
      b.initializer(name, values, in, out);
    }
  }

  private void addQuantized(String name, BlockQuantizedMatrix matrix) {
    b.initializer(
        name + CODES,
        ElementType.UINT8,
        matrix.packed(),
        matrix.n(),
        matrix.blocks(),
        (long) matrix.blockSize() * matrix.bits() / 8);
    b.initializer(name + SCALES, matrix.scales(), matrix.scales().length);
    quantizedByName.put(name, matrix);
  }

  /**
   * The residual stream's start from inputs {@code input_ids} and {@code position_ids}: token
   * embeddings (scaled where the architecture scales them), plus learned positions where positions
   * are not rotary.
   */
  String embeddings() {
    String x = b.op("Gather", Map.of("axis", 0L), "embed.weight", "input_ids");
    if (config.embeddingScale() != 1f) {
      x = b.op("Mul", x, b.scalar(config.embeddingScale()));
    }
    if (!config.rotary()) {
      x = b.op("Add", x, b.op("Gather", Map.of("axis", 0L), "positions.weight", "position_ids"));
    }
    return x;
  }

  /** What a graph does with a block's new keys and values before attention (a KV cache, or not). */
  interface KeyValues {
    /** The keys and values attention reads, given layer {@code layer}'s new ones. */
    String[] attend(int layer, String key, String value);
  }

  /**
   * One decoder block over whole sequences ([batch, sequence, width] to the same): normalisation,
   * query/key/value projections split into heads, rotary positions ({@code rotary}, or null), the
   * keys and values {@code keyValues} makes of them, grouped-query attention scaled, soft-capped and
   * masked by {@code bias} [batch or 1, 1, sequence, keys], the output projection, optional post
   * norm, the residual, then the MLP with its own norms and residual. Written once for the written
   * decoder ({@link ArchitectureGraph}, which caches keys and values) and the training forward
   * ({@link ArchitectureTrainingGraph}).
   */
  String block(String x, int layer, String[] rotary, String bias, KeyValues keyValues) {
    int heads = config.heads();
    int kvHeads = config.kvHeads();
    int headDim = config.headDim();
    long[] toHeadsFirst = {0, 2, 1, 3};
    String p = "layers." + layer + ".";
    String normed = norm(x, p + "attn_norm");
    String query = b.op(
        "Transpose",
        Map.of("perm", toHeadsFirst),
        b.op("Reshape", linear(normed, p + "q"), b.constant(0, 0, heads, headDim)));
    String key = b.op(
        "Transpose",
        Map.of("perm", toHeadsFirst),
        b.op("Reshape", linear(normed, p + "k"), b.constant(0, 0, kvHeads, headDim)));
    String value = b.op(
        "Transpose",
        Map.of("perm", toHeadsFirst),
        b.op("Reshape", linear(normed, p + "v"), b.constant(0, 0, kvHeads, headDim)));
    if (rotary != null) {
      query = rotate(query, rotary);
      key = rotate(key, rotary);
    }
    String[] attended = keyValues.attend(layer, key, value);
    // query heads grouped by their key/value head: [batch, kv_heads, group · sequence, head_dim]
    String scores = b.op(
        "Reshape",
        b.op(
            "MatMul",
            b.op("Reshape", query, b.constant(0, kvHeads, -1, headDim)),
            b.op("Transpose", Map.of("perm", new long[] {0, 1, 3, 2}), attended[0])),
        b.constant(0, heads, -1, 0));
    scores = b.op("Mul", scores, b.scalar(config.queryScale()));
    if (config.attentionSoftcap() > 0) {
      float cap = config.attentionSoftcap();
      scores = b.op("Mul", b.op("Tanh", b.op("Div", scores, b.scalar(cap))), b.scalar(cap));
    }
    String weightsOfKeys = b.op("Softmax", Map.of("axis", -1L), b.op("Add", scores, bias));
    String context = b.op(
        "Reshape",
        b.op(
            "Transpose",
            Map.of("perm", toHeadsFirst),
            b.op(
                "Reshape",
                b.op(
                    "MatMul",
                    b.op("Reshape", weightsOfKeys, b.constant(0, kvHeads, -1, 0)),
                    attended[1]),
                b.constant(0, heads, -1, headDim))),
        b.constant(0, 0, heads * headDim));
    String attention = linear(context, p + "o");
    if (config.postNorms()) {
      attention = norm(attention, p + "post_attn_norm");
    }
    x = b.op("Add", x, attention);
    String mlp = mlp(norm(x, p + "mlp_norm"), p);
    if (config.postNorms()) {
      mlp = norm(mlp, p + "post_mlp_norm");
    }
    return b.op("Add", x, mlp);
  }

  /** {@code x · weight} for a registered matrix, through MatMulNBits when it is quantised. */
  String product(String x, String weight) {
    BlockQuantizedMatrix matrix = quantizedByName.get(weight);
    if (matrix == null) {
      return b.op("MatMul", x, weight);
    }
    String name = weight.replace('.', '_') + "_nbits";
    b.node(new Node(
        "MatMulNBits",
        "com.microsoft",
        name,
        List.of(x, weight + CODES, weight + SCALES),
        List.of(name + "_out"),
        Map.of(
            "K", (long) matrix.k(),
            "N", (long) matrix.n(),
            "bits", (long) matrix.bits(),
            "block_size", (long) matrix.blockSize(),
            "accuracy_level", ACCURACY_LEVEL)));
    return name + "_out";
  }

  /** The fused query, key and value projection of layer prefix {@code p} (with its bias). */
  String qkv(String x, String p) {
    String product = product(x, p + "qkv.weight");
    return weights.has(p + "q.bias") ? b.op("Add", product, p + "qkv.bias") : product;
  }

  /** {@code x · prefix.weight (+ prefix.bias)}. */
  String linear(String x, String prefix) {
    String product = product(x, prefix + ".weight");
    return weights.has(prefix + ".bias") ? b.op("Add", product, prefix + ".bias") : product;
  }

  /** The MLP of layer prefix {@code p} on its normalised input. */
  String mlp(String x, String p) {
    String inner;
    if (!config.gatedMlp()) {
      inner = activation(
          product(x, p + "up.weight"), weights.has(p + "up.bias") ? p + "up.bias" : null, p);
    } else if (runtime) {
      int width = config.intermediateSize();
      List<String> gateUp = b.ops(
          "Split",
          2,
          Map.of("axis", -1L),
          product(x, p + "gate_up.weight"),
          b.constant(width, width));
      inner = b.op("Mul", activation(gateUp.get(0), null, p), gateUp.get(1));
    } else {
      inner = b.op("Mul", activation(linear(x, p + "gate"), null, p), linear(x, p + "up"));
    }
    return linear(inner, p + "down");
  }

  /** The activation of {@code x} (+ {@code bias}, fused where the operator allows) in layer p. */
  private String activation(String x, String bias, String p) {
    if (config.activation() == Activation.GELU_TANH) {
      if (!runtime) {
        return DecoderOps.gelu(b, bias == null ? x : b.op("Add", x, bias));
      }
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
  String norm(String x, String prefix) {
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

  /** The LM head written straight into graph value {@code output} (soft-capped if asked). */
  void head(String normed, String output) {
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
  String[] rotaryTables() {
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
  String rotate(String x, String[] rotary) {
    int headDim = config.headDim();
    List<String> halves =
        b.ops("Split", 2, Map.of("axis", -1L), x, b.constant(headDim / 2, headDim / 2));
    String rotated = b.op("Concat", Map.of("axis", -1L), b.op("Neg", halves.get(1)), halves.get(0));
    return b.op("Add", b.op("Mul", x, rotary[0]), b.op("Mul", rotated, rotary[1]));
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
