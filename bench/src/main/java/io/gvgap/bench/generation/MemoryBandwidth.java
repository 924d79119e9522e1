package io.gvgap.bench.generation;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import io.gvgap.onnx.runtime.OrtSessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * The machine's memory bandwidth as ONNX Runtime streams it: a one-node graph {@code Y = X + 1}
 * over {@code floats} floats (far larger than the caches), X fed and Y pinned to a buffer written
 * before timing, so each run reads X once and writes Y once: 8·floats bytes.
 */
public final class MemoryBandwidth implements AutoCloseable {
  private final long floats;
  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final OnnxTensor input;
  private final OnnxTensor output;
  private final FloatBuffer y;

  /** Builds the session for {@code floats} floats (at most 2^28). */
  public MemoryBandwidth(int floats, int threads) throws OrtException {
    this.floats = floats;
    GraphBuilder b = new GraphBuilder("memory_bandwidth");
    b.input("x", ElementType.FLOAT, floats);
    b.output(b.op("Add", "x", b.scalar(1f)), "y", ElementType.FLOAT, floats);
    byte[] model = ModelSerializer.toModel(b.build(), Map.of()).toByteArray();
    try (OrtSession.SessionOptions options = OrtSessions.options(threads, "cpu")) {
      session = env.createSession(model, options);
    }
    FloatBuffer x = direct(floats);
    for (int i = 0; i < floats; i++) {
      x.put(i, i % 1024);
    }
    y = direct(floats);
    for (int i = 0; i < floats; i++) {
      y.put(i, 0f);
    }
    input = OnnxTensor.createTensor(env, x, new long[] {floats});
    output = OnnxTensor.createTensor(env, y, new long[] {floats});
  }

  private static FloatBuffer direct(int floats) {
    return ByteBuffer.allocateDirect(Math.multiplyExact(floats, Float.BYTES))
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer();
  }

  /** Bytes one run moves: X read and Y written. */
  public double bytesPerRun() {
    return 2.0 * Float.BYTES * floats;
  }

  /** One run; returns Y[i] (for checking: X[i] + 1). */
  float run(int i) throws OrtException {
    Map<String, OnnxValue> pinned = Map.of("y", output);
    session.run(Map.of("x", input), java.util.Set.of(), pinned).close();
    return y.get(i);
  }

  /**
   * Bytes/s: runs for {@code warmupSeconds} (discarded), then for at least {@code measureSeconds},
   * and divides the bytes moved by the measured time.
   */
  public double measure(double warmupSeconds, double measureSeconds) throws OrtException {
    long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    while (System.nanoTime() < warmupEnd) {
      run(0);
    }
    long start = System.nanoTime();
    long runs = 0;
    while (runs == 0 || System.nanoTime() - start < measureSeconds * 1e9) {
      run(0);
      runs++;
    }
    return runs * bytesPerRun() / ((System.nanoTime() - start) / 1e9);
  }

  @Override
  public void close() throws OrtException {
    input.close();
    output.close();
    session.close();
  }
}
