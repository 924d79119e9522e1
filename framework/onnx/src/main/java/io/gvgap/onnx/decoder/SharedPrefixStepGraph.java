package io.gvgap.onnx.decoder;

import static io.gvgap.onnx.decoder.DecoderOps.fastGeluLinear;
import static io.gvgap.onnx.decoder.DecoderOps.layerNorm;
import static io.gvgap.onnx.decoder.DecoderOps.linear;
import static io.gvgap.onnx.decoder.DecoderOps.splitHeads;

import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * The decode step of a gvgap decoder for many samples of few prompts, built from the same
 * parameters as {@link DecoderGraph} (gvgap rebuilds it from a model directory's weights when it
 * loads the model, so written directories need no change). One call advances {@code rows} samples
 * by one token. The samples are grouped by prompt: rows {@code g·S .. g·S + S - 1} belong to prompt
 * {@code g} of {@code prompts}, S = rows / prompts.
 *
 * <p>Inputs: {@code input_ids}, {@code position_ids} [rows, 1]; {@code prompt_bias} [prompts, 1, 1,
 * prompt_length] (0 for a prompt position a sample may attend, {@link DecoderGraph#MASKED} for left
 * padding); {@code own_bias} [1, 1, 1, capacity] (0 for the generated positions already written,
 * {@link DecoderGraph#MASKED} for the rest); {@code sampling} [2] (1 / temperature and the nucleus
 * floor (1 - top_p) / vocab); per layer {@code prompt.i.key|value} [prompts, heads, prompt_length,
 * head_dim], the prompt's cache, kept once per prompt and read by all its samples, and
 * {@code own.i.key|value} [rows, heads, capacity, head_dim], each sample's generated tokens' cache
 * (a fixed-capacity buffer the caller writes in place).
 *
 * <p>Outputs: {@code new.i.key|value} [rows, heads, 1, head_dim], the new position's cache entry
 * (the caller writes it into the own buffer, so no cache is ever copied); {@code logits} [rows, 1,
 * vocab]; {@code top_logits}, {@code top_ids} [rows, 1, k], the k largest logits and their ids;
 * {@code log_normalizer} [rows, 1, 1], the log-sum-exp of all logits; {@code nucleus_mass} [rows,
 * 1, 1], the sum of exp((logit - max) / temperature) over the ids whose term is at least the
 * nucleus floor times the sum over all ids (the mass {@code TokenSampler} walks its nucleus in).
 *
 * <p>Attention of a sample's query: scores against its prompt's keys (all samples of a prompt
 * against one prompt cache in one MatMul), against its own generated keys, and against its new key;
 * one softmax over all three; the weighted sums of the three value sets added.
 */
public final class SharedPrefixStepGraph {
  /** Candidates the graph returns per row (fewer when the vocabulary is smaller). */
  public static final int CANDIDATES = 64;

  private SharedPrefixStepGraph() {}

  /** The candidates of a vocabulary: {@link #CANDIDATES}, or the vocabulary when smaller. */
  public static int candidates(int vocabSize) {
    return Math.min(CANDIDATES, vocabSize);
  }

  /** The step graph for this config with these parameters (names as in {@link DecoderParameters}). */
  public static Graph build(DecoderConfig config, Map<String, float[]> parameters) {
    DecoderParameters.validate(config, parameters);
    GraphBuilder b = new GraphBuilder("gvgap_shared_prefix_step");
    int heads = config.heads();
    int headDim = config.headDim();
    int width = config.width();
    b.input("input_ids", ElementType.INT64, "rows", 1);
    b.input("position_ids", ElementType.INT64, "rows", 1);
    b.input("prompt_bias", ElementType.FLOAT, "prompts", 1, 1, "prompt_length");
    b.input("own_bias", ElementType.FLOAT, 1, 1, 1, "capacity");
    b.input("sampling", ElementType.FLOAT, 2);
    for (int i = 0; i < config.layers(); i++) {
      for (String kind : List.of("key", "value")) {
        b.input(
            "prompt." + i + "." + kind,
            ElementType.FLOAT,
            "prompts",
            heads,
            "prompt_length",
            headDim);
        b.input("own." + i + "." + kind, ElementType.FLOAT, "rows", heads, "capacity", headDim);
      }
    }
    DecoderParameters.shapes(config)
        .forEach((name, shape) -> b.initializer(name, parameters.get(name), shape));

    String x = b.op(
        "Add",
        b.op("Gather", Map.of("axis", 0L), "transformer.wte.weight", "input_ids"),
        b.op("Gather", Map.of("axis", 0L), "transformer.wpe.weight", "position_ids"));
    String splitSizes = b.constant(width, width, width);
    String toHeads = b.constant(0, 0, heads, headDim);
    String fromHeads = b.constant(0, 0, width);
    String scale = b.scalar((float) (1.0 / Math.sqrt(headDim)));
    // [prompts, S, heads, head_dim] and [prompts, S, heads, prompt_length] from the prompt cache's
    // shape
    String promptShape = b.op("Shape", "prompt.0.key");
    String promptCount = b.op("Slice", promptShape, b.constant(0), b.constant(1));
    String promptLength = b.op("Slice", promptShape, b.constant(2), b.constant(3));
    String byPromptHeads =
        b.op("Concat", Map.of("axis", 0L), promptCount, b.constant(-1, heads, headDim));
    String byPromptScores =
        b.op("Concat", Map.of("axis", 0L), promptCount, b.constant(-1, heads), promptLength);
    String rowScores = b.constant(-1, heads, 1, 0);
    String rowContext = b.constant(-1, 1, width);
    String lastAxis = b.constant(-1);
    String capacity = b.op("Slice", b.op("Shape", "own_bias"), b.constant(3), b.constant(4));
    String softmaxSplit = b.op("Concat", Map.of("axis", 0L), promptLength, capacity, b.constant(1));
    long[] swap12 = {0, 2, 1, 3};
    long[] transposeLast = {0, 1, 3, 2};
    for (int i = 0; i < config.layers(); i++) {
      String p = "transformer.h." + i + ".";
      String normed = layerNorm(b, x, p + "ln_1", config.layerNormEpsilon());
      List<String> parts =
          b.ops("Split", 3, Map.of("axis", 2L), linear(b, normed, p + "attn.c_attn"), splitSizes);
      String query = b.op("Mul", splitHeads(b, parts.get(0), toHeads), scale);
      String key = headsOutput(b, parts.get(1), toHeads, "new." + i + ".key");
      String value = headsOutput(b, parts.get(2), toHeads, "new." + i + ".value");
      for (String name : List.of(key, value)) {
        b.output(name, name, ElementType.FLOAT, "rows", heads, 1, headDim);
      }
      // scores against the prompt: [prompts, heads, S, head_dim] x [prompts, heads, head_dim, P]
      String queryByPrompt =
          b.op("Transpose", Map.of("perm", swap12), b.op("Reshape", query, byPromptHeads));
      String promptScores = b.op(
          "Add",
          b.op(
              "MatMul",
              queryByPrompt,
              b.op("Transpose", Map.of("perm", transposeLast), "prompt." + i + ".key")),
          "prompt_bias");
      String promptRowScores =
          b.op("Reshape", b.op("Transpose", Map.of("perm", swap12), promptScores), rowScores);
      String ownScores = b.op(
          "Add",
          b.op(
              "MatMul",
              query,
              b.op("Transpose", Map.of("perm", transposeLast), "own." + i + ".key")),
          "own_bias");
      String selfScore =
          b.op("ReduceSum", Map.of("keepdims", 1L), b.op("Mul", query, key), lastAxis);
      String weights = b.op(
          "Softmax",
          Map.of("axis", -1L),
          b.op("Concat", Map.of("axis", -1L), promptRowScores, ownScores, selfScore));
      List<String> split = b.ops("Split", 3, Map.of("axis", -1L), weights, softmaxSplit);
      String promptContext = b.op(
          "Reshape",
          b.op(
              "Transpose",
              Map.of("perm", swap12),
              b.op(
                  "MatMul",
                  b.op(
                      "Transpose",
                      Map.of("perm", swap12),
                      b.op("Reshape", split.get(0), byPromptScores)),
                  "prompt." + i + ".value")),
          rowContext);
      String ownContext = b.op(
          "Add",
          b.op("MatMul", split.get(1), "own." + i + ".value"),
          b.op("Mul", split.get(2), value));
      String context = b.op(
          "Add",
          promptContext,
          b.op("Reshape", b.op("Transpose", Map.of("perm", swap12), ownContext), fromHeads));
      x = b.op("Add", x, linear(b, context, p + "attn.c_proj"));
      String hidden =
          fastGeluLinear(b, layerNorm(b, x, p + "ln_2", config.layerNormEpsilon()), p + "mlp.c_fc");
      x = b.op("Add", x, linear(b, hidden, p + "mlp.c_proj"));
    }
    String finalNormed = layerNorm(b, x, "transformer.ln_f", config.layerNormEpsilon());
    DecoderOps.lmHead(b, finalNormed, config);
    b.output("logits", "logits", ElementType.FLOAT, "rows", 1, config.vocabSize());
    int k = candidates(config.vocabSize());
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
    int padding = (16 - config.vocabSize() % 16) % 16;
    String aligned = padding == 0
        ? "logits"
        : b.op("Pad", "logits", b.constant(0, 0, 0, 0, 0, padding), b.scalar(-1e30f));
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
    return b.build();
  }

  /** [rows, 1, width] to [rows, heads, 1, head_dim], written straight into output {@code name}. */
  private static String headsOutput(GraphBuilder b, String x, String toHeads, String name) {
    b.node(new Node(
        "Transpose",
        "",
        name.replace('.', '_') + "_heads",
        List.of(b.op("Reshape", x, toHeads)),
        List.of(name),
        Map.of("perm", new long[] {0, 2, 1, 3})));
    return name;
  }
}
