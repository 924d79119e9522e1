package io.gvgap.bench.generation;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import io.gvgap.onnx.runtime.OrtSessions;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The machine's fp32 matrix-product rate through ONNX Runtime: a one-node graph
 * {@code Y = X · W} ({@code X} [m, k] fed, {@code W} [k, n] an initializer, as a decoder's weights
 * are) run repeatedly with the benchmark's thread count. It is the ceiling a generation's FLOP/s is
 * compared with.
 */
public final class MatmulCeiling implements AutoCloseable {
  private final int m;
  private final int k;
  private final int n;
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final OnnxTensor input;
  private final float[] weights;
  private final float[] x;

  /** Builds the session for an [m, k] x [k, n] product with seeded random values. */
  public MatmulCeiling(int m, int k, int n, int threads) throws OrtException {
    this.m = m;
    this.k = k;
    this.n = n;
    SplittableRandom random = new SplittableRandom(7);
    weights = new float[Math.multiplyExact(k, n)];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) random.nextGaussian();
    }
    GraphBuilder b = new GraphBuilder("matmul_ceiling");
    b.input("x", ElementType.FLOAT, m, k);
    b.initializer("w", weights, k, n);
    b.output(b.op("MatMul", "x", "w"), "y", ElementType.FLOAT, m, n);
    byte[] model = ModelSerializer.toModel(b.build(), Map.of()).toByteArray();
    try (OrtSession.SessionOptions options = OrtSessions.options(threads, "cpu")) {
      session = env.createSession(model, options);
    }
    x = new float[Math.multiplyExact(m, k)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {m, k});
  }

  /** One product; returns Y row-major ([m, n]). */
  public float[] multiply() throws OrtException {
    try (OrtSession.Result result = session.run(Map.of("x", input))) {
      FloatBuffer y = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] out = new float[y.remaining()];
      y.get(out);
      return out;
    }
  }

  /** The fed X, row-major ([m, k]), for checking {@link #multiply()}. */
  float[] x() {
    return x.clone();
  }

  /** The weight W, row-major ([k, n]), for checking {@link #multiply()}. */
  float[] weights() {
    return weights.clone();
  }

  /** FLOPs of one product: 2·m·k·n. */
  public double flopsPerProduct() {
    return 2.0 * m * k * n;
  }

  /**
   * FLOP/s: runs products for {@code warmupSeconds} (discarded), then for at least
   * {@code measureSeconds}, and divides their FLOPs by the measured time.
   */
  public double measure(double warmupSeconds, double measureSeconds) throws OrtException {
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    while (System.nanoTime() < warmupEnd) {
      run();
    }
    long start = System.nanoTime();
    long runs = 0;
    while (runs == 0 || System.nanoTime() - start < measureSeconds * 1e9) {
      run();
      runs++;
    }
    return runs * flopsPerProduct() / ((System.nanoTime() - start) / 1e9);
  }

  private void run() throws OrtException {
    session.run(Map.of("x", input)).close();
  }

  @Override
  public void close() throws OrtException {
    input.close();
    session.close();
  }
}
