package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CausalBlocks}: attention computed in query blocks gives the logits of the plain masked
 * attention (one block) for sequences that divide evenly, unevenly and shorter than the block count;
 * and {@link ShapeInference} names every block's scores so that the gradient needs no run-time sums.
 */
class CausalBlocksTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  private static final DecoderConfig CONFIG = new DecoderConfig(9, 16, 2, 8, 2, 16, true, 1e-5f);

  @Test
  void blockedLogitsEqualOneBlocksLogits() throws Exception {
    Map<String, float[]> parameters = DecoderParameters.random(CONFIG, 7);
    SplittableRandom random = new SplittableRandom(3);
    for (float[] values : parameters.values()) {
      for (int i = 0; i < values.length; i++) {
        values[i] += (float) random.nextDouble(-0.3, 0.3);
      }
    }
    for (int length : new int[] {1, 2, 3, 5, 7, 13, 16}) {
      long[] ids = new long[2 * length];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = random.nextInt(CONFIG.vocabSize());
      }
      float[] plain = logits(1, parameters, ids, length);
      for (int blocks : new int[] {2, 3, 4}) {
        float[] blocked = logits(blocks, parameters, ids, length);
        assertThat(blocked).hasSameSizeAs(plain);
        double worst = 0;
        for (int i = 0; i < plain.length; i++) {
          worst = Math.max(worst, Math.abs(blocked[i] - plain[i]));
        }
        assertThat(worst).as("%d blocks, %d positions", blocks, length).isLessThan(1e-5);
      }
    }
  }

  @Test
  void everyBlocksScoresHaveNamedShapesAndTheStepHasNoRunTimeSums() {
    GraphBuilder b = new GraphBuilder("forward");
    TrainingForwardGraph.declareInputs(b, CONFIG);
    TrainingForwardGraph.addNodes(b, CONFIG, 3);
    b.output(TrainingForwardGraph.LOSS, "loss_output", ElementType.FLOAT);
    Graph graph = b.build();
    ShapeInference shapes = new ShapeInference(graph);
    List<Node> softmaxes =
        graph.nodes().stream().filter(n -> n.opType().equals("Softmax")).toList();
    assertThat(softmaxes).hasSize(2 * 3);
    for (Node softmax : softmaxes) {
      List<Object> shape = shapes.shape(softmax.inputs().get(0));
      assertThat(shape).hasSize(4);
      assertThat(shape.subList(0, 2)).containsExactly("batch_size", 2L);
      assertThat(shape.get(2)).isInstanceOf(String.class);
      assertThat(shape.get(3)).isInstanceOf(String.class);
    }
    // the last block's queries see every key: [.., sizes[2], sequence_length]
    assertThat(shapes.shape(softmaxes.get(2).inputs().get(0)).get(3)).isEqualTo("sequence_length");
    // the middle block's keys are blocks 0 and 1 joined
    assertThat((String) shapes.shape(softmaxes.get(1).inputs().get(0)).get(3)).contains("+");

    Graph step = TrainingStepGraph.build(CONFIG, AdamWSchedule.standard(3e-3, 0, 100), 3);
    assertThat(ShapeInferenceTest.runTimeSums(step)).isZero();
  }

  @Test
  void refusesFewerThanOneBlock() {
    GraphBuilder b = new GraphBuilder("forward");
    TrainingForwardGraph.declareInputs(b, CONFIG);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TrainingForwardGraph.addNodes(b, CONFIG, 0))
        .hasMessageContaining("at least 1");
  }

  private static float[] logits(int blocks, Map<String, float[]> parameters, long[] ids, int length)
      throws Exception {
    TokenBatch batch = new TokenBatch(2, length, ids, ids, new float[2 * length]);
    return TrainingSessionTest.trainingLogits(CONFIG, blocks, parameters, batch);
  }
}
