package io.gvgap.onnx.arch;

import io.gvgap.onnx.decoder.DecoderGraph;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * The shared-prefix decode step of an {@link ArchitectureConfig} with weights under {@link
 * HfWeights}' canonical names: one call advances {@code rows} samples of few prompts by one token,
 * the samples grouped by prompt (rows {@code g·S .. g·S + S - 1} belong to prompt {@code g} of
 * {@code prompts}). Built by gvgap at load time, for ONNX Runtime only (it uses the contrib {@code
 * FastGelu}); the interface is that of {@link io.gvgap.onnx.decoder.SharedPrefixStepGraph}, which
 * delegates here for gvgap's own decoders.
 *
 * <p>Inputs: {@code input_ids}, {@code position_ids} [rows, 1]; {@code prompt_bias} [prompts, 1,
 * 1, prompt_length] (0 for a prompt position a sample may attend, {@link DecoderGraph#MASKED} for
 * left padding); {@code own_bias} [1, 1, 1, capacity] (0 for the generated positions already
 * written, {@link DecoderGraph#MASKED} for the rest); with a sliding window also {@code
 * prompt_window_bias} [1, 1, 1, prompt_length] and {@code own_window_bias} [1, 1, 1, capacity] (0
 * within the window of this step's position, masked beyond), added on local layers; {@code
 * sampling} [2] (1 / temperature and the nucleus floor); per layer {@code prompt.i.key|value}
 * [prompts, kv_heads, prompt_length, head_dim] (each prompt's cache, kept once and read by all its
 * samples) and {@code own.i.key|value} [rows, kv_heads, capacity, head_dim] (each sample's
 * generated tokens, a buffer the caller writes in place).
 *
 * <p>Outputs: {@code new.i.key|value} [rows, kv_heads, 1, head_dim]; {@code logits} [rows, 1,
 * vocab]; {@code top_logits}, {@code top_ids} [rows, 1, k]; {@code log_normalizer} [rows, 1, 1];
 * {@code nucleus_mass} [rows, 1, 1] (see {@link SamplingOutputs}).
 *
 * <p>A query attends to its prompt's keys (the samples of a prompt and the query heads of a
 * key/value head in one matrix product against one prompt cache), to its own generated keys and to
 * its new key; one softmax over the three; the three weighted value sums added. Query, key and value
 * projections run as one product, as do a gated MLP's gate and up projections.
 */
public final class ArchitectureStepGraph {
  private ArchitectureStepGraph() {}

  /** The step graph of {@code config} with fp32 canonical {@code weights}. */
  public static Graph build(ArchitectureConfig config, Map<String, float[]> weights) {
    return build(config, DecoderWeights.fp32(weights));
  }

  /** The step graph of {@code config} with canonical {@code weights} at their precision. */
  public static Graph build(ArchitectureConfig config, DecoderWeights weights) {
    GraphBuilder b = new GraphBuilder("gvgap_" + config.modelType() + "_shared_prefix_step");
    int heads = config.heads();
    int kvHeads = config.kvHeads();
    int group = config.groupSize();
    int headDim = config.headDim();
    boolean windowed = config.slidingWindow() > 0;
    b.input("input_ids", ElementType.INT64, "rows", 1);
    b.input("position_ids", ElementType.INT64, "rows", 1);
    b.input("prompt_bias", ElementType.FLOAT, "prompts", 1, 1, "prompt_length");
    b.input("own_bias", ElementType.FLOAT, 1, 1, 1, "capacity");
    if (windowed) {
      b.input("prompt_window_bias", ElementType.FLOAT, 1, 1, 1, "prompt_length");
      b.input("own_window_bias", ElementType.FLOAT, 1, 1, 1, "capacity");
    }
    b.input("sampling", ElementType.FLOAT, 2);
    for (int i = 0; i < config.layers(); i++) {
      for (String kind : List.of("key", "value")) {
        b.input(
            "prompt." + i + "." + kind,
            ElementType.FLOAT,
            "prompts",
            kvHeads,
            "prompt_length",
            headDim);
        b.input("own." + i + "." + kind, ElementType.FLOAT, "rows", kvHeads, "capacity", headDim);
      }
    }
    ArchitectureLayers layers = new ArchitectureLayers(b, config, weights, true);
    layers.addRuntimeWeights();

    String x = layers.embeddings();
    String[] rotary = config.rotary() ? layers.rotaryTables() : null;
    int qWidth = heads * headDim;
    int kvWidth = kvHeads * headDim;
    String qkvSplit = b.constant(qWidth, kvWidth, kvWidth);
    // one position per row: [rows, 1, width] and [rows, heads, 1, head_dim] are the same memory
    String rowQueryHeads = b.constant(0, heads, 1, headDim);
    String rowKvHeads = b.constant(0, kvHeads, 1, headDim);
    String rowGroups = b.constant(0, kvHeads, group, headDim);
    String rowScores = b.constant(-1, heads, 1, 0);
    String selfScores = b.constant(-1, heads, 1, 1);
    String rowContext = b.constant(-1, 1, qWidth);
    String lastAxis = b.constant(-1);
    String scale = b.scalar(config.queryScale());
    // the prompt's queries: [prompts, S, kv_heads, group, head_dim] to [prompts, kv_heads,
    // S·group, head_dim]
    String promptShape = b.op("Shape", "prompt.0.key");
    String promptCount = b.op("Slice", promptShape, b.constant(0), b.constant(1));
    String promptLength = b.op("Slice", promptShape, b.constant(2), b.constant(3));
    String byPrompt =
        b.op("Concat", Map.of("axis", 0L), promptCount, b.constant(-1, kvHeads, group, headDim));
    String promptQueries =
        b.op("Concat", Map.of("axis", 0L), promptCount, b.constant(kvHeads, -1, headDim));
    String byPromptScores = b.op(
        "Concat", Map.of("axis", 0L), promptCount, b.constant(kvHeads, -1, group), promptLength);
    String promptWeights = b.op(
        "Concat", Map.of("axis", 0L), promptCount, b.constant(-1, kvHeads, group), promptLength);
    String byPromptContext =
        b.op("Concat", Map.of("axis", 0L), promptCount, b.constant(kvHeads, -1, group, headDim));
    String promptRowScores =
        b.op("Concat", Map.of("axis", 0L), b.constant(-1, heads, 1), promptLength);
    String capacity = b.op("Slice", b.op("Shape", "own_bias"), b.constant(3), b.constant(4));
    String softmaxSplit = b.op("Concat", Map.of("axis", 0L), promptLength, capacity, b.constant(1));
    long[] toPromptMajor = {0, 2, 1, 3, 4};
    long[] transposeLast = {0, 1, 3, 2};
    String normed = layers.norm(x, "layers.0.attn_norm");
    for (int i = 0; i < config.layers(); i++) {
      String p = "layers." + i + ".";
      List<String> qkv = b.ops("Split", 3, Map.of("axis", 2L), layers.qkv(normed, p), qkvSplit);
      String query = b.op("Reshape", qkv.get(0), rowQueryHeads);
      String key = b.op("Reshape", qkv.get(1), rowKvHeads);
      if (rotary != null) {
        query = layers.rotate(query, rotary);
        key = layers.rotate(key, rotary);
      }
      query = b.op("Mul", query, scale);
      String newKey = "new." + i + ".key";
      String newValue = "new." + i + ".value";
      b.node(new Node("Identity", "", "new_key_" + i, List.of(key), List.of(newKey), Map.of()));
      b.node(new Node(
          "Reshape",
          "",
          "new_value_" + i,
          List.of(qkv.get(2), rowKvHeads),
          List.of(newValue),
          Map.of()));
      for (String name : List.of(newKey, newValue)) {
        b.output(name, name, ElementType.FLOAT, "rows", kvHeads, 1, headDim);
      }
      // [rows, kv_heads, group, head_dim]: the query heads of each key/value head
      String grouped = b.op("Reshape", query, rowGroups);
      // against the prompt: [prompts, kv_heads, S·group, head_dim] x [prompts, kv_heads, head_dim,
      // P], back to [rows, heads, 1, P]
      String queryByPrompt = b.op(
          "Reshape",
          b.op("Transpose", Map.of("perm", toPromptMajor), b.op("Reshape", grouped, byPrompt)),
          promptQueries);
      String promptScores = softcap(
          b,
          config,
          b.op(
              "MatMul",
              queryByPrompt,
              b.op("Transpose", Map.of("perm", transposeLast), "prompt." + i + ".key")));
      promptScores = b.op("Add", promptScores, "prompt_bias");
      if (config.isLocal(i)) {
        promptScores = b.op("Add", promptScores, "prompt_window_bias");
      }
      promptScores = b.op(
          "Reshape",
          b.op(
              "Transpose",
              Map.of("perm", toPromptMajor),
              b.op("Reshape", promptScores, byPromptScores)),
          promptRowScores);
      String ownScores = b.op(
          "Reshape",
          softcap(
              b,
              config,
              b.op(
                  "MatMul",
                  grouped,
                  b.op("Transpose", Map.of("perm", transposeLast), "own." + i + ".key"))),
          rowScores);
      ownScores = b.op("Add", ownScores, "own_bias");
      if (config.isLocal(i)) {
        ownScores = b.op("Add", ownScores, "own_window_bias");
      }
      String selfScore = b.op(
          "Reshape",
          softcap(
              b,
              config,
              b.op("ReduceSum", Map.of("keepdims", 1L), b.op("Mul", grouped, key), lastAxis)),
          selfScores);
      String attention = b.op(
          "Softmax",
          Map.of("axis", -1L),
          b.op("Concat", Map.of("axis", -1L), promptScores, ownScores, selfScore));
      List<String> split = b.ops("Split", 3, Map.of("axis", -1L), attention, softmaxSplit);
      // prompt values: [prompts, kv_heads, S·group, P] x [prompts, kv_heads, P, head_dim]
      String promptByHead = b.op(
          "Reshape",
          b.op(
              "Transpose",
              Map.of("perm", toPromptMajor),
              b.op("Reshape", split.get(0), promptWeights)),
          b.op("Concat", Map.of("axis", 0L), promptCount, b.constant(kvHeads, -1), promptLength));
      String promptContext = b.op(
          "Reshape",
          b.op(
              "Transpose",
              Map.of("perm", toPromptMajor),
              b.op(
                  "Reshape",
                  b.op("MatMul", promptByHead, "prompt." + i + ".value"),
                  byPromptContext)),
          rowContext);
      String rowGroupWeights = b.constant(0, kvHeads, group, -1);
      String ownContext = b.op(
          "Add",
          b.op("MatMul", b.op("Reshape", split.get(1), rowGroupWeights), "own." + i + ".value"),
          b.op("Mul", b.op("Reshape", split.get(2), rowGroupWeights), newValue));
      String context = b.op("Add", promptContext, b.op("Reshape", ownContext, rowContext));
      String attended = layers.linear(context, p + "o");
      if (config.postNorms()) {
        attended = layers.norm(attended, p + "post_attn_norm");
      }
      x = b.op("Add", x, attended);
      String mlp = layers.mlp(layers.norm(x, p + "mlp_norm"), p);
      if (config.postNorms()) {
        mlp = layers.norm(mlp, p + "post_mlp_norm");
      }
      x = b.op("Add", x, mlp);
      normed = layers.norm(
          x, i + 1 < config.layers() ? "layers." + (i + 1) + ".attn_norm" : "final_norm");
    }
    layers.head(normed, "logits");
    b.output("logits", "logits", ElementType.FLOAT, "rows", 1, config.vocabSize());
    SamplingOutputs.add(b, config.vocabSize());
    return b.build();
  }

  private static String softcap(GraphBuilder b, ArchitectureConfig config, String scores) {
    float cap = config.attentionSoftcap();
    return cap > 0
        ? b.op("Mul", b.op("Tanh", b.op("Div", scores, b.scalar(cap))), b.scalar(cap))
        : scores;
  }
}
