package io.gvgap.onnx.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockQuantizedMatrixTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  @Test
  void fourBitCodesArePackedLowNibbleFirstWithOneScalePerBlock() {
    // one column (n = 1), k = 32: w[i] = i - 16, except w[0] = -14 below, so that the largest
    // magnitude is 15 (w[1] = -15 and w[31] = 15) and the block's scale 15 / 7
    float[] w = new float[32];
    for (int i = 0; i < 32; i++) {
      w[i] = i - 16;
    }
    w[0] = -14;
    BlockQuantizedMatrix q = BlockQuantizedMatrix.quantize(w, 32, 1, 4);
    assertThat(q.scales()).containsExactly(15f / 7);
    assertThat(q.packed()).hasSize(16);
    // w[0] = -14: round(-14 / (15/7)) = round(-6.53) = -7, code 1; w[1] = -15: -7, code 1
    // -> byte 0 = 0x11; w[30] = 14 -> 7 -> code 15, w[31] = 15 -> 7 -> 15: byte 15 = 0xFF
    assertThat(q.packed()[0] & 0xff).isEqualTo(0x11);
    assertThat(q.packed()[15] & 0xff).isEqualTo(0xFF);
    // w[16] = 0 -> code 8 (low nibble), w[17] = 1 -> round(0.467) = 0 -> 8: byte 8 = 0x88
    assertThat(q.packed()[8] & 0xff).isEqualTo(0x88);
    float[] back = q.dequantize();
    for (int i = 0; i < 32; i++) {
      assertThat(back[i]).isCloseTo(w[i], within(15f / 7 / 2 + 1e-5f));
    }
  }

  @Test
  void eightBitCodesAreOneByteEachAndColumnsJoin() {
    float[] w = {1, -2, 0.5f, 4}; // k = 2, n = 2: column 0 = [1, 0.5], column 1 = [-2, 4]
    BlockQuantizedMatrix q = BlockQuantizedMatrix.quantize(w, 2, 2, 8);
    // column 0: scale 1 / 127; codes 127 + 128 = 255 and round(63.5) = 64 (half up) + 128 = 192;
    // the block's other 30 rows are padding (code 128)
    assertThat(q.scales()).containsExactly(1f / 127, 4f / 127);
    assertThat(q.packed()[0] & 0xff).isEqualTo(255);
    assertThat(q.packed()[1] & 0xff).isEqualTo(192);
    assertThat(q.packed()[2] & 0xff).isEqualTo(128);
    // column 1 starts at byte 32: -2 / (4/127) = -63.5 -> round = -63 -> 65; 4 -> 255
    assertThat(q.packed()[32] & 0xff).isEqualTo(65);
    assertThat(q.packed()[33] & 0xff).isEqualTo(255);
    BlockQuantizedMatrix joined = BlockQuantizedMatrix.columns(List.of(q, q));
    assertThat(joined.n()).isEqualTo(4);
    assertThat(joined.dequantize()).hasSize(8);
  }

  /** ONNX Runtime's MatMulNBits reads gvgap's packing as gvgap dequantises it. */
  @Test
  void onnxRuntimeMatMulNBitsEqualsTheProductWithTheDequantisedMatrix() throws Exception {
    int k = 80; // not a multiple of the block: the last block is padded
    int n = 24;
    int m = 5;
    SplittableRandom random = new SplittableRandom(4);
    float[] w = new float[k * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) random.nextGaussian();
    }
    float[] x = new float[m * k];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    for (int bits : new int[] {4, 8}) {
      BlockQuantizedMatrix q = BlockQuantizedMatrix.quantize(w, k, n, bits);
      GraphBuilder b = new GraphBuilder("nbits");
      b.input("x", ElementType.FLOAT, m, k);
      b.initializer("w.codes", ElementType.UINT8, q.packed(), n, q.blocks(), 32L * bits / 8);
      b.initializer("w.scales", q.scales(), q.scales().length);
      b.node(new io.gvgap.onnx.graph.Node(
          "MatMulNBits",
          "com.microsoft",
          "product",
          List.of("x", "w.codes", "w.scales"),
          List.of("y"),
          Map.of("K", (long) k, "N", (long) n, "bits", (long) bits, "block_size", 32L)));
      b.output("y", "y", ElementType.FLOAT, m, n);
      float[] y;
      try (OrtSession session =
              ENV.createSession(ModelSerializer.toModel(b.build(), Map.of()).toByteArray());
          OnnxTensor input = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(x), new long[] {m, k});
          OrtSession.Result result = session.run(Map.of("x", input))) {
        float[][] out = (float[][]) result.get(0).getValue();
        y = new float[m * n];
        for (int r = 0; r < m; r++) {
          System.arraycopy(out[r], 0, y, r * n, n);
        }
      }
      float[] dq = q.dequantize();
      for (int r = 0; r < m; r++) {
        for (int c = 0; c < n; c++) {
          double expected = 0;
          for (int i = 0; i < k; i++) {
            expected += (double) x[r * k + i] * dq[i * n + c];
          }
          assertThat((double) y[r * n + c])
              .as("%d bits, [%d, %d]", bits, r, c)
              .isCloseTo(expected, within(1e-3 * (1 + Math.abs(expected))));
        }
      }
    }
  }
}
