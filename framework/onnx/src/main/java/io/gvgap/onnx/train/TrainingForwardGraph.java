package io.gvgap.onnx.train;

import static io.gvgap.onnx.decoder.DecoderOps.fastGelu;
import static io.gvgap.onnx.decoder.DecoderOps.layerNorm;
import static io.gvgap.onnx.decoder.DecoderOps.linear;
import static io.gvgap.onnx.decoder.DecoderOps.splitHeads;

import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderGraph;
import io.gvgap.onnx.decoder.DecoderOps;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import java.util.List;
import java.util.Map;

/**
 * The decoder's training forward pass as graph nodes: the same computation as {@link DecoderGraph}
 * over full sequences (no KV cache, causal attention; pad on the right, where causal attention keeps
 * padding from reaching real tokens), with the parameters as graph inputs under their
 * {@link DecoderParameters} names, followed by the weighted token cross-entropy.
 *
 * <p>Inputs: {@code input_ids}, {@code target_ids} [batch, sequence] int64 and {@code loss_weights}
 * [batch, sequence] float. The loss is {@code −Σ loss_weights[b,t] · log p(target_ids[b,t])}: the
 * caller puts 0 on tokens that must not count (prompt tokens in fine-tuning, padding) and scales the
 * rest (example weight divided by the batch's total weight gives a weighted mean).
 */
public final class TrainingForwardGraph {
  /** Name of the loss value. */
  public static final String LOSS = "loss";
  /** Name of the logits value [batch, sequence, vocab]. */
  public static final String LOGITS = "logits";

  /**
   * Sequences of at least this many positions attend in {@value #LONG_SEQUENCE_BLOCKS} causal blocks
   * ({@link CausalBlocks}), shorter ones in one. Measured with {@code bench/bench.sh training}
   * (models/README.md): blocks pay from about 256 positions (1.3–1.5x the tokens/s at 480) and cost
   * up to 15 % at 64, where the extra operators outweigh the skipped entries.
   */
  public static final int BLOCKED_FROM = 256;

  /** Causal blocks of sequences of {@value #BLOCKED_FROM} or more positions. */
  public static final int LONG_SEQUENCE_BLOCKS = 4;

  /**
   * System property that overrides the blocks for every length (a positive count; capped at the
   * length), for benchmarks that compare block counts side by side.
   */
  public static final String BLOCKS_PROPERTY = "gvgap.train.attentionBlocks";

  /**
   * The causal attention blocks for batches of {@code length} positions: {@value
   * #LONG_SEQUENCE_BLOCKS} from {@value #BLOCKED_FROM} positions on, else 1; at most {@code length}
   * (the blocked graph's gradient needs a position per block: ONNX Runtime mishandles empty ones).
   */
  public static int attentionBlocks(int length) {
    int forced = Integer.getInteger(BLOCKS_PROPERTY, 0);
    int blocks = forced > 0 ? forced : length >= BLOCKED_FROM ? LONG_SEQUENCE_BLOCKS : 1;
    return Math.max(1, Math.min(blocks, length));
  }

  private TrainingForwardGraph() {}

  /**
   * Declares the inputs and adds the forward nodes with causal attention in {@code attentionBlocks}
   * blocks ({@link #attentionBlocks}); the loss value is named {@link #LOSS}.
   */
  public static void addTo(GraphBuilder b, DecoderConfig config, int attentionBlocks) {
    declareInputs(b, config);
    addNodes(b, config, attentionBlocks);
  }

  /** {@link #addTo(GraphBuilder, DecoderConfig, int)} with the plain (one-block) causal attention. */
  public static void addTo(GraphBuilder b, DecoderConfig config) {
    addTo(b, config, 1);
  }

  /** Declares the batch inputs ({@code batch_size} × {@code sequence_length}) and the parameters. */
  static void declareInputs(GraphBuilder b, DecoderConfig config) {
    b.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
    b.input("target_ids", ElementType.INT64, "batch_size", "sequence_length");
    b.input("loss_weights", ElementType.FLOAT, "batch_size", "sequence_length");
    DecoderParameters.shapes(config)
        .forEach((name, shape) -> b.input(name, ElementType.FLOAT, boxed(shape)));
  }

  /**
   * Adds the forward nodes with causal attention in {@code attentionBlocks} query blocks ({@link
   * CausalBlocks}; 1 is the plain masked attention over the whole sequence), reading inputs that
   * {@link #addTo} declares.
   */
  static void addNodes(GraphBuilder b, DecoderConfig config, int attentionBlocks) {
    int heads = config.heads();
    int headDim = config.headDim();
    String positions = DecoderOps.sequencePositions(b);
    CausalBlocks attention = new CausalBlocks(b, positions, attentionBlocks);

    String x = b.op(
        "Add",
        b.op("Gather", Map.of("axis", 0L), "transformer.wte.weight", "input_ids"),
        b.op("Gather", Map.of("axis", 0L), "transformer.wpe.weight", positions));
    String splitSizes = b.constant(config.width(), config.width(), config.width());
    String toHeads = b.constant(0, 0, heads, headDim);
    String fromHeads = b.constant(0, 0, config.width());
    String scale = b.scalar((float) (1.0 / Math.sqrt(headDim)));
    for (int i = 0; i < config.layers(); i++) {
      String p = "transformer.h." + i + ".";
      String normed = layerNorm(b, x, p + "ln_1", config.layerNormEpsilon());
      String qkv = linear(b, normed, p + "attn.c_attn");
      List<String> parts = b.ops("Split", 3, Map.of("axis", 2L), qkv, splitSizes);
      String query = b.op("Mul", splitHeads(b, parts.get(0), toHeads), scale);
      String key = splitHeads(b, parts.get(1), toHeads);
      String value = splitHeads(b, parts.get(2), toHeads);
      String context = b.op(
          "Reshape",
          b.op(
              "Transpose",
              Map.of("perm", new long[] {0, 2, 1, 3}),
              attention.attend(b, query, key, value)),
          fromHeads);
      x = b.op("Add", x, linear(b, context, p + "attn.c_proj"));
      String hidden = fastGelu(
          b,
          linear(b, layerNorm(b, x, p + "ln_2", config.layerNormEpsilon()), p + "mlp.c_fc"),
          p + "mlp.fast_gelu");
      x = b.op("Add", x, linear(b, hidden, p + "mlp.c_proj"));
    }
    String finalNormed = layerNorm(b, x, "transformer.ln_f", config.layerNormEpsilon());
    String head = config.tiedEmbeddings() ? "transformer.wte.weight" : "lm_head.weight";
    String logits =
        b.op("MatMul", finalNormed, b.op("Transpose", Map.of("perm", new long[] {1, 0}), head));
    b.node(new io.gvgap.onnx.graph.Node(
        "Identity", "", "logits_identity", List.of(logits), List.of(LOGITS), Map.of()));

    addLoss(b, config.vocabSize());
  }

  /**
   * The weighted token cross-entropy of value {@link #LOGITS} against inputs {@code target_ids} and
   * {@code loss_weights}, as value {@link #LOSS}: {@code −Σ loss_weights[b,t] · log
   * p(target_ids[b,t])}.
   */
  public static void addLoss(GraphBuilder b, int vocabSize) {
    String logProbabilities = b.op("LogSoftmax", Map.of("axis", -1L), LOGITS);
    String oneHot = b.op(
        "OneHot",
        Map.of("axis", -1L),
        "target_ids",
        b.constant(vocabSize),
        b.initializer("one_hot_values", new float[] {0f, 1f}, 2));
    String picked = b.op(
        "ReduceSum", Map.of("keepdims", 1L), b.op("Mul", logProbabilities, oneHot), b.constant(-1));
    String weighted = b.op("Mul", picked, b.op("Unsqueeze", "loss_weights", b.constant(-1)));
    String total = b.op("ReduceSum", Map.of("keepdims", 0L), weighted);
    b.node(new io.gvgap.onnx.graph.Node(
        "Neg", "", "loss_negation", List.of(total), List.of(LOSS), Map.of()));
  }

  private static Object[] boxed(long[] shape) {
    Object[] dims = new Object[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
    }
    return dims;
  }
}
