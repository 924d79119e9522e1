package io.gvgap.onnx.arch;

import io.gvgap.onnx.decoder.DecoderGraph;
import io.gvgap.onnx.decoder.DecoderOps;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * The ONNX decoder of an {@link ArchitectureConfig} with weights under {@link HfWeights}' canonical
 * names, in the Optimum KV-cache interface gvgap's generic decode path and other ONNX runtimes run
 * (inputs {@code input_ids}, {@code attention_mask}, {@code position_ids}, {@code
 * past_key_values.i.key|value} [batch, kv_heads, past, head_dim]; outputs {@code logits}, {@code
 * present.i.key|value}), standard operators only (opset {@value
 * io.gvgap.onnx.graph.ModelSerializer#OPSET}).
 *
 * <p>The computation follows the Hugging Face definition of each architecture: pre-norm blocks
 * (LayerNorm, RMSNorm, or Gemma's RMSNorm with 1 + w), rotary positions with the rotate-half
 * convention on the whole head (or learned positions), grouped-query attention (query head h reads
 * key/value head h / group), optional logit soft-capping, causal and padding masks plus a sliding
 * window on local layers, and a gated or plain MLP.
 */
public final class ArchitectureGraph {
  private ArchitectureGraph() {}

  /** The decoder graph of {@code config} with fp32 {@code weights}, as written into model files. */
  public static Graph build(ArchitectureConfig config, Map<String, float[]> weights) {
    return build(config, DecoderWeights.fp32(weights), false);
  }

  /**
   * The decoder graph; with {@code logitsFromInput} also the input {@value
   * DecoderGraph#LOGITS_FROM} (int64 [1]): logits only for positions {@code logits_from ..
   * sequence - 1}, so a prefill computes the LM head for its last position only (gvgap's runtime
   * rebuilds imported models with it when it loads them).
   */
  public static Graph build(
      ArchitectureConfig config, DecoderWeights weights, boolean logitsFromInput) {
    GraphBuilder b = new GraphBuilder("gvgap_" + config.modelType() + "_decoder");
    int kvHeads = config.kvHeads();
    int headDim = config.headDim();
    b.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
    b.input("attention_mask", ElementType.INT64, "batch_size", "total_sequence_length");
    b.input("position_ids", ElementType.INT64, "batch_size", "sequence_length");
    if (logitsFromInput) {
      b.input(DecoderGraph.LOGITS_FROM, ElementType.INT64, 1);
    }
    for (int i = 0; i < config.layers(); i++) {
      for (String kind : List.of("key", "value")) {
        b.input(
            "past_key_values." + i + "." + kind,
            ElementType.FLOAT,
            "batch_size",
            kvHeads,
            "past_sequence_length",
            headDim);
      }
    }
    ArchitectureLayers layers = new ArchitectureLayers(b, config, weights, false);
    layers.addWrittenWeights();

    String x = layers.embeddings();
    String[] rotary = config.rotary() ? layers.rotaryTables() : null;
    String globalBias = DecoderOps.attentionBias(b, 0);
    String localBias = config.slidingWindow() > 0
        ? DecoderOps.attentionBias(b, config.slidingWindow())
        : globalBias;
    for (int i = 0; i < config.layers(); i++) {
      x = layers.block(
          x,
          i,
          rotary,
          config.isLocal(i) ? localBias : globalBias,
          (layer, key, value) -> new String[] {
            present(b, config, layer, "key", key), present(b, config, layer, "value", value)
          });
    }
    layers.head(
        DecoderOps.logitPositions(b, layers.norm(x, "final_norm"), logitsFromInput), "logits");
    DecoderOps.logitsOutput(b, logitsFromInput, config.vocabSize());
    return b.build();
  }

  /**
   * Layer {@code layer}'s present {@code kind} (key or value): its past and {@code current}
   * concatenated along the sequence, written straight into the graph output of that name.
   */
  private static String present(
      GraphBuilder b, ArchitectureConfig config, int layer, String kind, String current) {
    String name = "present." + layer + "." + kind;
    b.node(new Node(
        "Concat",
        "",
        name.replace('.', '_') + "_concat",
        List.of("past_key_values." + layer + "." + kind, current),
        List.of(name),
        Map.of("axis", 2L)));
    b.output(
        name,
        name,
        ElementType.FLOAT,
        "batch_size",
        config.kvHeads(),
        "total_sequence_length",
        config.headDim());
    return name;
  }
}
