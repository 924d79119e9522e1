package io.gvgap.onnx.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import io.gvgap.onnx.proto.OnnxProto;
import java.nio.FloatBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FastGeluLinearTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  @Test
  void fusedContribGeluEqualsGpt2sTanhGeluOfTheLinearLayerAndImportsItsDomain() throws Exception {
    float[] weight = {0.5f, -1.25f, 2f, 0.75f, -0.5f, 1.5f}; // [3, 2]
    float[] bias = {0.1f, -0.3f};
    float[] x = {1f, -2f, 0.5f, -0.25f, 3f, 1.5f}; // [2, 3]
    GraphBuilder b = new GraphBuilder("fast_gelu");
    b.input("x", ElementType.FLOAT, 2, 3);
    b.initializer("fc.weight", weight, 3, 2);
    b.initializer("fc.bias", bias, 2);
    String y = DecoderOps.fastGeluLinear(b, "x", "fc");
    b.output(y, "y", ElementType.FLOAT, 2, 2);
    OnnxProto.ModelProto model = ModelSerializer.toModel(b.build(), Map.of());

    assertThat(model.getOpsetImportList())
        .extracting(OnnxProto.OperatorSetIdProto::getDomain)
        .containsExactly("", "com.microsoft");
    try (OrtSession session =
            ENV.createSession(model.toByteArray(), new OrtSession.SessionOptions());
        OnnxTensor input = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(x), new long[] {2, 3});
        OrtSession.Result result = session.run(Map.of("x", input))) {
      float[][] out = (float[][]) result.get(0).getValue();
      for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 2; c++) {
          double z = bias[c];
          for (int k = 0; k < 3; k++) {
            z += x[r * 3 + k] * weight[k * 2 + c];
          }
          // GPT-2's GELU: 0.5 z (1 + tanh(sqrt(2 / pi) (z + 0.044715 z^3)))
          double expected =
              0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
          assertThat((double) out[r][c])
              .as("row %d column %d", r, c)
              .isCloseTo(expected, within(1e-5));
        }
      }
    }
  }

  @Test
  void aGraphOfStandardOperatorsImportsTheDefaultDomainOnly() {
    GraphBuilder b = new GraphBuilder("plain");
    b.input("x", ElementType.FLOAT, 1, 2);
    b.output(b.op("Tanh", "x"), "y", ElementType.FLOAT, 1, 2);
    assertThat(ModelSerializer.toModel(b.build(), Map.of()).getOpsetImportList())
        .extracting(OnnxProto.OperatorSetIdProto::getDomain)
        .containsExactly("");
  }
}
