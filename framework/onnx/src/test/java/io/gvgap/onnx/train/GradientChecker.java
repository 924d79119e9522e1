package io.gvgap.onnx.train;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares {@link ReverseMode}'s gradients with central finite differences of the same graph's loss,
 * both computed by ONNX Runtime in float32.
 */
final class GradientChecker {
  /** A float input with its values and shape. */
  record FloatInput(float[] values, long[] shape) {}

  /** The largest error found, as |analytic − numeric| / (absolute floor + |numeric|), and where. */
  record Report(double worstError, String where, int checked) {}

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final Map<String, FloatInput> floatInputs = new LinkedHashMap<>();
  private final Map<String, long[]> longInputs = new LinkedHashMap<>();
  private final Map<String, long[]> longShapes = new LinkedHashMap<>();
  private final Map<String, Object[]> declaredDims = new LinkedHashMap<>();

  /**
   * Declares input {@code name} in the graph with these dimensions (sizes or symbolic names, as the
   * training graphs declare theirs) instead of its values' fixed shape; the values fed are unchanged.
   */
  GradientChecker declare(String name, Object... dims) {
    declaredDims.put(name, dims.clone());
    return this;
  }

  GradientChecker floatInput(String name, float[] values, long... shape) {
    floatInputs.put(name, new FloatInput(values, shape));
    return this;
  }

  GradientChecker longInput(String name, long[] values, long... shape) {
    longInputs.put(name, values);
    longShapes.put(name, shape);
    return this;
  }

  /**
   * Checks d(loss)/d(wrt) at up to {@code perInput} elements of each input (all when it has fewer).
   *
   * @param forward builds the forward graph on the builder (inputs are declared already) and returns the scalar loss
   * @param step finite-difference step h
   * @param floor absolute error floor in the relative measure
   */
  Report check(
      java.util.function.Function<GraphBuilder, String> forward,
      List<String> wrt,
      int perInput,
      double step,
      double floor)
      throws OrtException {
    GraphBuilder b = new GraphBuilder("check");
    floatInputs.forEach((name, input) ->
        b.input(name, ElementType.FLOAT, declaredDims.getOrDefault(name, boxed(input.shape()))));
    longShapes.forEach((name, shape) ->
        b.input(name, ElementType.INT64, declaredDims.getOrDefault(name, boxed(shape))));
    String loss = forward.apply(b);
    b.output(loss, "loss", ElementType.FLOAT);
    Graph forwardGraph = b.build();
    ReverseMode.Result result = ReverseMode.differentiate(forwardGraph, "loss", wrt);
    GraphBuilder full = result.builder();
    full.output("loss", "loss", ElementType.FLOAT);
    for (String name : wrt) {
      full.output(
          result.gradients().get(name),
          "grad." + name,
          ElementType.FLOAT,
          boxed(floatInputs.get(name).shape()));
    }
    byte[] model = ModelSerializer.toModel(full.build(), Map.of()).toByteArray();
    double worst = 0;
    String where = "";
    int checked = 0;
    try (OrtSession session = environment.createSession(model, new OrtSession.SessionOptions())) {
      Map<String, float[]> analytic = new HashMap<>();
      try (OrtSession.Result outputs = run(session, Map.of(), session.getOutputNames())) {
        for (String name : wrt) {
          FloatBuffer buffer = ((OnnxTensor) outputs.get("grad." + name).get()).getFloatBuffer();
          float[] values = new float[buffer.remaining()];
          buffer.get(values);
          analytic.put(name, values);
        }
      }
      java.util.SplittableRandom random = new java.util.SplittableRandom(7);
      for (String name : wrt) {
        float[] values = floatInputs.get(name).values();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
          indices.add(i);
        }
        java.util.Collections.shuffle(indices, new java.util.Random(random.nextLong()));
        for (int index : indices.subList(0, Math.min(perInput, indices.size()))) {
          float original = values[index];
          double up = loss(session, name, index, (float) (original + step));
          double down = loss(session, name, index, (float) (original - step));
          double numeric = (up - down) / (2 * step);
          double error =
              Math.abs(analytic.get(name)[index] - numeric) / (floor + Math.abs(numeric));
          checked++;
          if (error > worst) {
            worst = error;
            where = name + "[" + index + "]: analytic " + analytic.get(name)[index] + ", numeric "
                + numeric;
          }
        }
      }
    }
    return new Report(worst, where, checked);
  }

  private double loss(OrtSession session, String name, int index, float value) throws OrtException {
    float[] copy = floatInputs.get(name).values().clone();
    copy[index] = value;
    try (OrtSession.Result outputs = run(session, Map.of(name, copy), Set.of("loss"))) {
      return ((OnnxTensor) outputs.get("loss").get()).getFloatBuffer().get(0);
    }
  }

  private OrtSession.Result run(
      OrtSession session, Map<String, float[]> overrides, Set<String> outputs) throws OrtException {
    Map<String, OnnxTensor> tensors = new HashMap<>();
    try {
      for (Map.Entry<String, FloatInput> entry : floatInputs.entrySet()) {
        float[] values = overrides.getOrDefault(entry.getKey(), entry.getValue().values());
        tensors.put(
            entry.getKey(),
            OnnxTensor.createTensor(
                environment, FloatBuffer.wrap(values), entry.getValue().shape()));
      }
      for (Map.Entry<String, long[]> entry : longInputs.entrySet()) {
        tensors.put(
            entry.getKey(),
            OnnxTensor.createTensor(
                environment, LongBuffer.wrap(entry.getValue()), longShapes.get(entry.getKey())));
      }
      return session.run(tensors, outputs);
    } finally {
      tensors.values().forEach(OnnxTensor::close);
    }
  }

  static Object[] boxed(long[] shape) {
    Object[] dims = new Object[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
    }
    return dims;
  }
}
