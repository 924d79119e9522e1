package io.gvgap.onnx.decoder;

import static io.gvgap.onnx.decoder.DecoderOps.fastGeluLinear;
import static io.gvgap.onnx.decoder.DecoderOps.gelu;
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
 * Emits a gvgap decoder as an ONNX graph with the Hugging Face Optimum decoder interface:
 * inputs {@code input_ids}, {@code attention_mask} [batch, past + sequence], {@code position_ids},
 * {@code past_key_values.i.key|value} [batch, heads, past, head_dim] (an empty past has past = 0);
 * outputs {@code logits} [batch, sequence, vocab] and {@code present.i.key|value}
 * [batch, heads, past + sequence, head_dim].
 *
 * <p>Attention: query {@code s} sits at key position {@code past + s} and may attend key {@code t}
 * when {@code t <= past + s} and {@code attention_mask[t] = 1}; other scores get {@value #MASKED}
 * added before the softmax, which makes their weight exactly 0 in float arithmetic.
 */
public final class DecoderGraph {
  /** Added to the attention score of a key a query may not see. */
  public static final float MASKED = -1e9f;

  private DecoderGraph() {}

  /** Name of the optional input that selects the positions given logits. */
  public static final String LOGITS_FROM = "logits_from";

  /** The graph for this config with these parameters (names as in {@link DecoderParameters}). */
  public static Graph build(DecoderConfig config, Map<String, float[]> parameters) {
    return build(config, parameters, false);
  }

  /**
   * The graph as written into model files ({@code forRuntime} false: standard ONNX operators only,
   * what any ONNX runtime runs), or the graph gvgap rebuilds from its own models' weights when it
   * loads them ({@code forRuntime} true), which differs in two ways: an input {@value #LOGITS_FROM}
   * (int64 [1]) computes the logits for positions {@code logits_from .. sequence - 1} only ([batch,
   * sequence - logits_from, vocab]), so a prefill that needs the last position's logits passes
   * sequence - 1 and skips the LM head for every other position (scoring passes 0); and the MLP's
   * GELU is ONNX Runtime's fused contrib {@code FastGelu} (the same tanh approximation with the bias
   * add, one operator instead of ten; see {@link DecoderOps#fastGeluLinear}).
   */
  public static Graph build(
      DecoderConfig config, Map<String, float[]> parameters, boolean forRuntime) {
    boolean logitsFromInput = forRuntime;
    DecoderParameters.validate(config, parameters);
    Map<String, long[]> shapes = DecoderParameters.shapes(config);
    GraphBuilder b = new GraphBuilder("gvgap_decoder");
    int heads = config.heads();
    int headDim = config.headDim();
    b.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
    b.input("attention_mask", ElementType.INT64, "batch_size", "total_sequence_length");
    b.input("position_ids", ElementType.INT64, "batch_size", "sequence_length");
    if (logitsFromInput) {
      b.input(LOGITS_FROM, ElementType.INT64, 1);
    }
    for (int i = 0; i < config.layers(); i++) {
      for (String kind : List.of("key", "value")) {
        b.input(
            "past_key_values." + i + "." + kind,
            ElementType.FLOAT,
            "batch_size",
            heads,
            "past_sequence_length",
            headDim);
      }
    }
    shapes.forEach((name, shape) -> b.initializer(name, parameters.get(name), shape));

    String bias = DecoderOps.attentionBias(b, 0);
    String x = b.op(
        "Add",
        b.op("Gather", Map.of("axis", 0L), "transformer.wte.weight", "input_ids"),
        b.op("Gather", Map.of("axis", 0L), "transformer.wpe.weight", "position_ids"));
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
      String key = concatPast(
          b,
          "past_key_values." + i + ".key",
          splitHeads(b, parts.get(1), toHeads),
          "present." + i + ".key");
      String value = concatPast(
          b,
          "past_key_values." + i + ".value",
          splitHeads(b, parts.get(2), toHeads),
          "present." + i + ".value");
      b.output(
          key,
          "present." + i + ".key",
          ElementType.FLOAT,
          "batch_size",
          heads,
          "total_sequence_length",
          headDim);
      b.output(
          value,
          "present." + i + ".value",
          ElementType.FLOAT,
          "batch_size",
          heads,
          "total_sequence_length",
          headDim);
      String scores = b.op(
          "Add",
          b.op("MatMul", query, b.op("Transpose", Map.of("perm", new long[] {0, 1, 3, 2}), key)),
          bias);
      String weights = b.op("Softmax", Map.of("axis", -1L), scores);
      String context = b.op(
          "Reshape",
          b.op(
              "Transpose", Map.of("perm", new long[] {0, 2, 1, 3}), b.op("MatMul", weights, value)),
          fromHeads);
      x = b.op("Add", x, linear(b, context, p + "attn.c_proj"));
      String mlpInput = layerNorm(b, x, p + "ln_2", config.layerNormEpsilon());
      String hidden = forRuntime
          ? fastGeluLinear(b, mlpInput, p + "mlp.c_fc")
          : gelu(b, linear(b, mlpInput, p + "mlp.c_fc"));
      x = b.op("Add", x, linear(b, hidden, p + "mlp.c_proj"));
    }
    DecoderOps.lmHead(
        b,
        DecoderOps.logitPositions(
            b, layerNorm(b, x, "transformer.ln_f", config.layerNormEpsilon()), logitsFromInput),
        config);
    DecoderOps.logitsOutput(b, logitsFromInput, config.vocabSize());
    return b.build();
  }

  /**
   * The present cache: past and current concatenated along the sequence, written straight into the
   * graph output {@code present} (an Identity to a renamed output would copy the whole cache again
   * on every decode step).
   */
  private static String concatPast(GraphBuilder b, String past, String current, String present) {
    b.node(new Node(
        "Concat",
        "",
        present.replace('.', '_') + "_concat",
        List.of(past, current),
        List.of(present),
        Map.of("axis", 2L)));
    return present;
  }
}
