package io.gvgap.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The logits of a sequence's last position from a decoder session with the Optimum interface, run
 * on the whole sequence with an empty past (no cache, no padding): the simplest reading of what a
 * model file computes, for checks against other implementations and between precisions.
 */
public final class LastLogits {
  private LastLogits() {}

  /** The last position's logits of {@code ids} (one sequence) from {@code session}. */
  public static float[] of(OrtSession session, long[] ids) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    int n = ids.length;
    long[] positions = new long[n];
    long[] mask = new long[n];
    for (int t = 0; t < n; t++) {
      positions[t] = t;
      mask[t] = 1;
    }
    List<OnnxTensor> owned = new ArrayList<>();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put(
          "input_ids",
          own(owned, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, n})));
      inputs.put(
          "attention_mask",
          own(owned, OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {1, n})));
      if (session.getInputNames().contains("position_ids")) {
        inputs.put(
            "position_ids",
            own(owned, OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {1, n
            })));
      }
      for (var input : session.getInputInfo().entrySet()) {
        if (input.getKey().startsWith("past_key_values.")) {
          long[] shape = ((TensorInfo) input.getValue().getInfo()).getShape();
          inputs.put(
              input.getKey(),
              own(owned, OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {
                1, shape[1], 0, shape[3]
              })));
        }
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] logits = (float[][][]) result.get("logits").orElseThrow().getValue();
        return logits[0][n - 1];
      }
    } finally {
      owned.forEach(OnnxTensor::close);
    }
  }

  /**
   * The largest absolute difference between {@code got} and {@code want}, relative to the largest
   * absolute value of {@code want}: how far a model at reduced precision strays from the reference.
   */
  public static double largestRelativeDifference(float[] want, float[] got) {
    double largest = 0;
    for (float v : want) {
      largest = Math.max(largest, Math.abs(v));
    }
    double worst = 0;
    for (int v = 0; v < want.length; v++) {
      worst = Math.max(worst, Math.abs(got[v] - want[v]) / largest);
    }
    return worst;
  }

  private static OnnxTensor own(List<OnnxTensor> owned, OnnxTensor tensor) {
    owned.add(tensor);
    return tensor;
  }
}
