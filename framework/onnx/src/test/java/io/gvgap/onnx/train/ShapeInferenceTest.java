package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ShapeInference} on hand-checked cases, and its use: the decoder's training step graph has no
 * broadcast sum over axes found only at run time (each of which copied a whole activation or
 * attention tensor per step), while a genuinely broadcast operand keeps its sum.
 */
class ShapeInferenceTest {
  @Test
  void broadcastFollowsNumpyRulesAndRefusesWhatItCannotDecide() {
    assertThat(ShapeInference.broadcast(List.of("s", 8L), List.of(8L))).containsExactly("s", 8L);
    assertThat(ShapeInference.broadcast(List.of("s", 1L), List.of(1L, "t")))
        .containsExactly("s", "t");
    assertThat(ShapeInference.broadcast(List.of(1L, 4L), List.of(3L, 4L))).containsExactly(3L, 4L);
    assertThat(ShapeInference.broadcast(List.of("s"), List.of("t"))).isNull();
    assertThat(ShapeInference.broadcast(List.of(3L), List.of(4L))).isNull();
    assertThat(ShapeInference.broadcast(null, List.of(4L))).isNull();
  }

  @Test
  void followsTheDecodersShapesFromSymbolicInputs() {
    DecoderConfig config = new DecoderConfig(7, 6, 2, 8, 2, 16, true, 1e-5f);
    GraphBuilder b = new GraphBuilder("forward");
    TrainingForwardGraph.addTo(b, config);
    b.output(TrainingForwardGraph.LOSS, "loss_output", ElementType.FLOAT);
    Graph graph = b.build();
    ShapeInference shapes = new ShapeInference(graph);
    assertThat(shapes.shape(TrainingForwardGraph.LOGITS))
        .containsExactly("batch_size", "sequence_length", 7L);
    assertThat(shapes.shape(TrainingForwardGraph.LOSS)).isEmpty();
    // every Softmax input (the attention scores, bias added) is [batch, heads, sequence, sequence]
    List<Node> softmaxes =
        graph.nodes().stream().filter(n -> n.opType().equals("Softmax")).toList();
    assertThat(softmaxes).hasSize(2);
    for (Node softmax : softmaxes) {
      assertThat(shapes.shape(softmax.inputs().get(0)))
          .containsExactly("batch_size", 2L, "sequence_length", "sequence_length");
    }
  }

  @Test
  void theTrainingStepGraphSumsNoBroadcastItCannotSee() {
    DecoderConfig config = new DecoderConfig(7, 6, 2, 8, 2, 16, true, 1e-5f);
    Graph step = TrainingStepGraph.build(config, AdamWSchedule.standard(3e-3, 0, 100));
    assertThat(runTimeSums(step)).isZero();
  }

  /** ReduceSum nodes whose axes are found at run time (broadcast sums the rules could not rule out). */
  static long runTimeSums(Graph graph) {
    return graph.nodes().stream()
        .filter(n -> n.opType().equals("ReduceSum"))
        .filter(n -> n.attributes().containsKey("noop_with_empty_axes"))
        .count();
  }

  @Test
  void aBroadcastOperandOfUnknownSizeKeepsItsRunTimeSum() {
    GraphBuilder b = new GraphBuilder("broadcast");
    b.input("x", ElementType.FLOAT, "batch", 4);
    b.input("y", ElementType.FLOAT, "rows", 4);
    String sum = b.op("Add", "x", "y");
    String loss = b.op("ReduceSum", Map.of("keepdims", 0L), sum);
    b.output(loss, "loss", ElementType.FLOAT);
    Graph forward = b.build();
    ReverseMode.Result result = ReverseMode.differentiate(forward, loss, List.of("x", "y"));
    result.builder().output(result.gradients().get("y"), "grad_y", ElementType.FLOAT, "rows", 4);
    Graph withGradients = result.builder().build();
    // "batch" and "rows" may differ (one of them 1): neither gradient can skip its sum
    assertThat(runTimeSums(withGradients)).isEqualTo(2);
  }
}
