package io.gvgap.onnx.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphBuilderTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  @TempDir
  Path dir;

  /** Writes the graph to a file, runs it on one float input and returns the named output. */
  private float[] runFloat(Graph graph, String input, float[] data, long[] shape, String output)
      throws Exception {
    Path file = dir.resolve(graph.name() + ".onnx");
    ModelSerializer.write(graph, Map.of("purpose", "test"), file);
    try (OrtSession session = ENV.createSession(file.toString(), new OrtSession.SessionOptions());
        OnnxTensor x = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(data), shape);
        OrtSession.Result result = session.run(Map.of(input, x))) {
      FloatBuffer values = ((OnnxTensor) result.get(output).orElseThrow()).getFloatBuffer();
      float[] out = new float[values.remaining()];
      values.get(out);
      return out;
    }
  }

  @Test
  void matMulPlusBiasMatchesHandComputedValues() throws Exception {
    GraphBuilder b = new GraphBuilder("affine");
    b.input("x", ElementType.FLOAT, "batch", 2);
    String w = b.initializer("w", new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    String bias = b.initializer("b", new float[] {0.5f, -1, 0}, 3);
    b.output(b.op("Add", b.op("MatMul", "x", w), bias), "y", ElementType.FLOAT, "batch", 3);
    float[] y = runFloat(b.build(), "x", new float[] {1, 1, 2, -1}, new long[] {2, 2}, "y");
    // row [1,1]: [1+4, 2+5, 3+6] + bias = [5.5, 6, 9]; row [2,-1]: [2-4, 4-5, 6-6] + bias = [-1.5,
    // -2, 0]
    assertThat(y).containsExactly(5.5f, 6f, 9f, -1.5f, -2f, 0f);
  }

  /**
   * A node may omit optional outputs with empty names (here SkipLayerNormalization's mean and
   * inverse deviation), and the contrib operator computes sum = input + skip + bias and its layer
   * norm.
   */
  @Test
  void emptyOutputNamesOmitOptionalOutputsOfAContribNode() throws Exception {
    GraphBuilder b = new GraphBuilder("skip_layer_norm");
    b.input("x", ElementType.FLOAT, 1, 1, 2);
    b.initializer("skip", new float[] {1, -1}, 1, 1, 2);
    b.initializer("gamma", new float[] {2, 2}, 2);
    b.initializer("beta", new float[] {0, 1}, 2);
    b.initializer("bias", new float[] {0.5f, 0.5f}, 2);
    b.node(new Node(
        "SkipLayerNormalization",
        "com.microsoft",
        "skip_norm",
        java.util.List.of("x", "skip", "gamma", "beta", "bias"),
        java.util.List.of("normed", "", "", "sum"),
        Map.of("epsilon", 0f)));
    b.output("normed", "normed", ElementType.FLOAT, 1, 1, 2);
    b.output("sum", "sum", ElementType.FLOAT, 1, 1, 2);
    Graph graph = b.build();
    float[] x = {2, 0};
    // sum = [2 + 1 + 0.5, 0 - 1 + 0.5] = [3.5, -0.5]: mean 1.5, deviation 2, normalised [1, -1],
    // times gamma 2 plus beta: [2, -1]
    assertThat(runFloat(graph, "x", x, new long[] {1, 1, 2}, "sum")).containsExactly(3.5f, -0.5f);
    float[] normed = runFloat(graph, "x", x, new long[] {1, 1, 2}, "normed");
    assertThat(normed[0]).isCloseTo(2f, within(1e-5f));
    assertThat(normed[1]).isCloseTo(-1f, within(1e-5f));
  }

  @Test
  void softmaxWithAxisAttributeMatchesJava() throws Exception {
    GraphBuilder b = new GraphBuilder("softmax");
    b.input("x", ElementType.FLOAT, 2, 3);
    b.output(b.op("Softmax", Map.of("axis", -1L), "x"), "p", ElementType.FLOAT, 2, 3);
    float[] x = {0, 1, 2, -3, 0, 3};
    float[] p = runFloat(b.build(), "x", x, new long[] {2, 3}, "p");
    for (int row = 0; row < 2; row++) {
      double sum = 0;
      for (int j = 0; j < 3; j++) {
        sum += Math.exp(x[row * 3 + j]);
      }
      for (int j = 0; j < 3; j++) {
        // float32 softmax of values within [-3, 3] is accurate to a few ulps of 1
        assertThat((double) p[row * 3 + j]).isCloseTo(Math.exp(x[row * 3 + j]) / sum, within(1e-6));
      }
    }
  }

  @Test
  void transposeWithIntsAttributeAndLayerNormalization() throws Exception {
    GraphBuilder b = new GraphBuilder("ln");
    b.input("x", ElementType.FLOAT, 2, 2);
    String transposed = b.op("Transpose", Map.of("perm", new long[] {1, 0}), "x");
    String gamma = b.initializer("gamma", new float[] {2, 1}, 2);
    String beta = b.initializer("beta", new float[] {0, 10}, 2);
    b.output(
        b.op("LayerNormalization", Map.of("axis", -1L, "epsilon", 0f), transposed, gamma, beta),
        "y",
        ElementType.FLOAT,
        2,
        2);
    // x = [[1, 3], [2, 5]] -> transposed [[1, 2], [3, 5]]; each row normalised to [-1, 1]
    // (mean in the middle, population std = half the difference), then scaled by [2, 1] and shifted
    // by [0, 10]
    float[] y = runFloat(b.build(), "x", new float[] {1, 3, 2, 5}, new long[] {2, 2}, "y");
    assertThat(y).containsExactly(new float[] {-2, 11, -2, 11}, within(1e-5f));
  }

  @Test
  void gatherReadsInt64IndicesFromARuntimeInput() throws Exception {
    GraphBuilder b = new GraphBuilder("gather");
    b.input("ids", ElementType.INT64, "n");
    String table = b.initializer("table", new float[] {10, 11, 20, 21, 30, 31}, 3, 2);
    b.output(b.op("Gather", Map.of("axis", 0L), table, "ids"), "rows", ElementType.FLOAT, "n", 2);
    Path file = dir.resolve("gather.onnx");
    ModelSerializer.write(b.build(), Map.of(), file);
    try (OrtSession session = ENV.createSession(file.toString(), new OrtSession.SessionOptions());
        OnnxTensor ids = OnnxTensor.createTensor(ENV, new long[] {2, 0, 2});
        OrtSession.Result result = session.run(Map.of("ids", ids))) {
      float[][] rows = (float[][]) result.get(0).getValue();
      assertThat(rows).isDeepEqualTo(new float[][] {{30, 31}, {10, 11}, {30, 31}});
    }
  }

  @Test
  void readingAnUndefinedValueFailsWhereTheNodeIsAdded() {
    GraphBuilder b = new GraphBuilder("bad");
    b.input("x", ElementType.FLOAT, 1);
    assertThatThrownBy(() -> b.op("Add", "x", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reads 'y'")
        .hasMessageContaining("Add");
  }

  @Test
  void duplicateNamesAndMismatchedInitializersFail() {
    GraphBuilder b = new GraphBuilder("dup");
    b.input("x", ElementType.FLOAT, 1);
    assertThatThrownBy(() -> b.initializer("x", new float[] {1}, 1))
        .hasMessageContaining("already defined");
    assertThatThrownBy(() -> b.initializer("w", new float[] {1, 2, 3}, 2, 2))
        .hasMessageContaining("holds 4 values, data has 3");
    assertThatThrownBy(b::build).hasMessageContaining("no outputs");
  }
}
