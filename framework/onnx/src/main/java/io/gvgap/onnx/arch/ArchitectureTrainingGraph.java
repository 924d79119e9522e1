package io.gvgap.onnx.arch;

import io.gvgap.onnx.decoder.DecoderGraph;
import io.gvgap.onnx.decoder.DecoderOps;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import io.gvgap.onnx.train.TrainingForwardGraph;
import java.util.List;
import java.util.Map;

/**
 * The training forward pass of an {@link ArchitectureConfig}, built from the same description and
 * the same layers ({@link ArchitectureLayers}) as the inference graphs: full sequences (no cache;
 * causal attention plus the sliding window on local layers; pad on the right), the weights as graph
 * inputs under their canonical names, then the weighted token cross-entropy ({@link
 * TrainingForwardGraph#addLoss}). Inputs {@code input_ids}, {@code target_ids} [batch, sequence]
 * int64 and {@code loss_weights} [batch, sequence] float; value {@value TrainingForwardGraph#LOSS}
 * is the loss and {@value TrainingForwardGraph#LOGITS} the logits. Every operator it uses has a
 * reverse-mode rule, so {@code ReverseMode} differentiates it for any of the six architectures.
 */
public final class ArchitectureTrainingGraph {
  private ArchitectureTrainingGraph() {}

  /**
   * Declares the inputs and adds the forward nodes to {@code b}; {@code weights} gives the names and
   * sizes of the parameters (its values are not used: the parameters are inputs).
   */
  public static void addTo(
      GraphBuilder b, ArchitectureConfig config, Map<String, float[]> weights) {
    b.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
    b.input("target_ids", ElementType.INT64, "batch_size", "sequence_length");
    b.input("loss_weights", ElementType.FLOAT, "batch_size", "sequence_length");
    new ArchitectureLayers(b, config, DecoderWeights.fp32(weights), false).addTrainingInputs();
    addNodes(b, config, weights);
  }

  /** The shape of each parameter input, by canonical name. */
  public static Map<String, long[]> shapes(
      ArchitectureConfig config, Map<String, float[]> weights) {
    return ArchitectureLayers.shapes(config, weights);
  }

  /**
   * Adds the forward nodes, reading inputs that {@link #addTo} declares (declared by the caller
   * here: the token inputs and every weight of {@link #shapes}).
   */
  public static void addNodes(
      GraphBuilder b, ArchitectureConfig config, Map<String, float[]> weights) {
    ArchitectureLayers layers =
        new ArchitectureLayers(b, config, DecoderWeights.fp32(weights), false);
    String range = DecoderOps.sequencePositions(b);
    // [1, sequence]: every row's positions (right padding keeps them the same for all rows)
    b.node(new Node(
        "Unsqueeze",
        "",
        "training_positions",
        List.of(range, b.constant(0)),
        List.of("position_ids"),
        Map.of()));
    String keys = b.op("Unsqueeze", range, b.constant(0));
    String queries = b.op("Unsqueeze", range, b.constant(1));
    String causal = b.op("LessOrEqual", keys, queries);
    String globalBias = b.op("Where", causal, b.scalar(0f), b.scalar(DecoderGraph.MASKED));
    String localBias = globalBias;
    if (config.slidingWindow() > 0) {
      String inWindow =
          b.op("Less", b.op("Sub", queries, keys), b.constant(config.slidingWindow()));
      localBias =
          b.op("Where", b.op("And", causal, inWindow), b.scalar(0f), b.scalar(DecoderGraph.MASKED));
    }
    String x = layers.embeddings();
    String[] rotary = config.rotary() ? layers.rotaryTables() : null;
    for (int i = 0; i < config.layers(); i++) {
      x = layers.block(
          x, i, rotary, config.isLocal(i) ? localBias : globalBias, (layer, key, value) ->
              new String[] {key, value});
    }
    layers.head(layers.norm(x, "final_norm"), TrainingForwardGraph.LOGITS);
    TrainingForwardGraph.addLoss(b, config.vocabSize());
  }
}
