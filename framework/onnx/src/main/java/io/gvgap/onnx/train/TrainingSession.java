package io.gvgap.onnx.train;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.graph.ModelSerializer;
import io.gvgap.onnx.runtime.OrtSessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link TrainingStepGraph} in an ordinary ONNX Runtime inference session. Parameters and Adam
 * moments live in two banks of native direct buffers allocated once: a step reads one bank and
 * ONNX Runtime writes the updated values straight into the other (pinned outputs), then the banks
 * swap roles, so no step allocates or copies state. A model may have several step graphs for
 * different batch lengths ({@link TrainableModel#stepGraphVariant}: gvgap's decoders attend in causal
 * blocks from {@link TrainingForwardGraph#BLOCKED_FROM} positions on); the session keeps one ONNX
 * Runtime session per variant, the full-context one made at construction, the others at first use.
 * Not thread-safe.
 */
public final class TrainingSession implements AutoCloseable {
  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final TrainableModel trainable;
  private final int threads;
  private final String device;
  /** Sessions by step-graph variant ({@link TrainableModel#stepGraphVariant}), made on first use. */
  private final Map<Integer, OrtSession> sessions = new HashMap<>();

  private final DecoderConfig config;
  private final AdamWSchedule schedule;
  private final Map<String, long[]> shapes;
  private final List<Bank> banks = new ArrayList<>();
  private final FloatBuffer stepValue = floats(1);
  private final OnnxTensor stepTensor;
  private final FloatBuffer lossValue = floats(1);
  private final FloatBuffer normValue = floats(1);
  private final FloatBuffer rateValue = floats(1);
  private final Map<String, OnnxTensor> scalarOutputs = new HashMap<>();
  private LongBuffer inputIds = longs(0);
  private LongBuffer targetIds = longs(0);
  private FloatBuffer lossWeights = floats(0);
  private int current;
  private long step;

  /** One full set of parameters and moments, each wrapped once in a tensor. */
  private final class Bank {
    final Map<String, FloatBuffer> parameters = new LinkedHashMap<>();
    final Map<String, FloatBuffer> firstMoments = new LinkedHashMap<>();
    final Map<String, FloatBuffer> secondMoments = new LinkedHashMap<>();
    final Map<String, OnnxTensor> asInputs = new HashMap<>();
    final Map<String, OnnxTensor> asOutputs = new HashMap<>();

    Bank() throws OrtException {
      for (Map.Entry<String, long[]> entry : shapes.entrySet()) {
        String name = entry.getKey();
        long[] shape = entry.getValue();
        int size = Math.toIntExact(io.gvgap.onnx.graph.Initializer.elementCount(shape));
        FloatBuffer p = floats(size);
        FloatBuffer m = floats(size);
        FloatBuffer v = floats(size);
        parameters.put(name, p);
        firstMoments.put(name, m);
        secondMoments.put(name, v);
        OnnxTensor pt = OnnxTensor.createTensor(environment, p, shape);
        OnnxTensor mt = OnnxTensor.createTensor(environment, m, shape);
        OnnxTensor vt = OnnxTensor.createTensor(environment, v, shape);
        asInputs.put(name, pt);
        asInputs.put(TrainingStepGraph.firstMoment(name), mt);
        asInputs.put(TrainingStepGraph.secondMoment(name), vt);
        asOutputs.put(TrainingStepGraph.updated(name), pt);
        asOutputs.put(TrainingStepGraph.updatedFirstMoment(name), mt);
        asOutputs.put(TrainingStepGraph.updatedSecondMoment(name), vt);
      }
    }

    void close() {
      asInputs.values().forEach(OnnxTensor::close);
    }
  }

  /**
   * Builds the step graph and a session for it, starting from {@code initialParameters} (names and
   * sizes as in {@link DecoderParameters}) with zero moments at step 0.
   *
   * @param threads ONNX Runtime intra-op threads (0: its default)
   * @param device {@code cpu} or {@code cuda}
   */
  public TrainingSession(
      DecoderConfig config,
      AdamWSchedule schedule,
      Map<String, float[]> initialParameters,
      int threads,
      String device)
      throws OrtException {
    this(new OwnDecoderModel(config, null), schedule, initialParameters, threads, device);
    DecoderParameters.validate(config, initialParameters);
  }

  /**
   * A session for any {@link TrainableModel} starting from {@code initialParameters} (names and
   * sizes as its {@link TrainableModel#shapes}) with zero moments at step 0.
   */
  public TrainingSession(
      TrainableModel trainable,
      AdamWSchedule schedule,
      Map<String, float[]> initialParameters,
      int threads,
      String device)
      throws OrtException {
    this.trainable = trainable;
    this.config = trainable instanceof OwnDecoderModel own ? own.config() : null;
    this.schedule = schedule;
    this.shapes = trainable.shapes();
    this.threads = threads;
    this.device = device;
    // the variant for full-context batches now, so that a graph ONNX Runtime rejects fails here
    session(trainable.stepGraphVariant(trainable.contextLength()));
    banks.add(new Bank());
    banks.add(new Bank());
    stepTensor = OnnxTensor.createTensor(environment, stepValue, new long[0]);
    scalarOutputs.put(
        TrainingForwardGraph.LOSS, OnnxTensor.createTensor(environment, lossValue, new long[0]));
    scalarOutputs.put(
        TrainingStepGraph.GRAD_NORM, OnnxTensor.createTensor(environment, normValue, new long[0]));
    scalarOutputs.put(
        TrainingStepGraph.LEARNING_RATE,
        OnnxTensor.createTensor(environment, rateValue, new long[0]));
    setParameters(initialParameters);
  }

  /** The decoder config being trained; null for models other than gvgap's own decoders. */
  public DecoderConfig config() {
    return config;
  }

  /** The optimizer settings baked into the step graph. */
  public AdamWSchedule schedule() {
    return schedule;
  }

  /** Steps taken so far (the next step is {@code steps() + 1}). */
  public long steps() {
    return step;
  }

  /** Takes one optimizer step on the batch and returns its loss, gradient norm and learning rate. */
  public StepResult step(TokenBatch batch) throws OrtException {
    OrtSession session = session(trainable.stepGraphVariant(batch.length()));
    int cells = batch.rows() * batch.length();
    if (inputIds.capacity() < cells) {
      inputIds = longs(cells);
      targetIds = longs(cells);
      lossWeights = floats(cells);
    }
    long[] shape = {batch.rows(), batch.length()};
    LongBuffer ids =
        inputIds.duplicate().clear().limit(cells).slice().put(batch.inputIds()).flip();
    LongBuffer targets = targetIds
        .duplicate()
        .clear()
        .limit(cells)
        .slice()
        .put(batch.targetIds())
        .flip();
    FloatBuffer weights = lossWeights
        .duplicate()
        .clear()
        .limit(cells)
        .slice()
        .put(batch.lossWeights())
        .flip();
    stepValue.put(0, step + 1);
    Bank from = banks.get(current);
    Bank to = banks.get(1 - current);
    try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, ids, shape);
        OnnxTensor targetsTensor = OnnxTensor.createTensor(environment, targets, shape);
        OnnxTensor weightsTensor = OnnxTensor.createTensor(environment, weights, shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>(from.asInputs);
      inputs.put("input_ids", idsTensor);
      inputs.put("target_ids", targetsTensor);
      inputs.put("loss_weights", weightsTensor);
      inputs.put(TrainingStepGraph.STEP, stepTensor);
      Map<String, OnnxValue> pinned = new HashMap<>(to.asOutputs);
      pinned.putAll(scalarOutputs);
      session.run(inputs, pinned).close();
    }
    current = 1 - current;
    step++;
    return new StepResult(step, lossValue.get(0), normValue.get(0), rateValue.get(0));
  }

  /** A copy of the current parameters by name. */
  public Map<String, float[]> parameters() {
    return copy(banks.get(current).parameters);
  }

  /** A copy of the current first moments by parameter name. */
  public Map<String, float[]> firstMoments() {
    return copy(banks.get(current).firstMoments);
  }

  /** A copy of the current second moments by parameter name. */
  public Map<String, float[]> secondMoments() {
    return copy(banks.get(current).secondMoments);
  }

  /** Replaces the parameters, keeping moments and step. */
  public void setParameters(Map<String, float[]> values) {
    validate(values);
    fill(banks.get(current).parameters, values);
  }

  /** Restores the optimizer state of a checkpoint: moments by parameter name and the steps already taken. */
  public void restoreOptimizer(
      Map<String, float[]> firstMoments, Map<String, float[]> secondMoments, long stepsTaken) {
    validate(firstMoments);
    validate(secondMoments);
    if (stepsTaken < 0) {
      throw new IllegalArgumentException("stepsTaken must be >= 0, was " + stepsTaken);
    }
    fill(banks.get(current).firstMoments, firstMoments);
    fill(banks.get(current).secondMoments, secondMoments);
    this.step = stepsTaken;
  }

  @Override
  public void close() throws OrtException {
    banks.forEach(Bank::close);
    stepTensor.close();
    scalarOutputs.values().forEach(OnnxTensor::close);
    for (OrtSession session : sessions.values()) {
      session.close();
    }
  }

  /** The session of a step-graph variant, created on first use. */
  private OrtSession session(int variant) throws OrtException {
    OrtSession session = sessions.get(variant);
    if (session == null) {
      byte[] model = ModelSerializer.toModel(trainable.stepGraph(schedule, variant), Map.of())
          .toByteArray();
      try (OrtSession.SessionOptions options = OrtSessions.options(threads, device)) {
        session = environment.createSession(model, options);
      }
      sessions.put(variant, session);
    }
    return session;
  }

  /** Checks names and sizes against the model's parameters (gvgap decoders: their own checks). */
  private void validate(Map<String, float[]> values) {
    if (config != null) {
      DecoderParameters.validate(config, values);
      return;
    }
    for (Map.Entry<String, long[]> entry : shapes.entrySet()) {
      float[] given = values.get(entry.getKey());
      long size = 1;
      for (long dim : entry.getValue()) {
        size *= dim;
      }
      if (given == null || given.length != size) {
        throw new IllegalArgumentException("parameter " + entry.getKey() + " needs " + size
            + " values, got " + (given == null ? "none" : given.length));
      }
    }
    if (values.size() != shapes.size()) {
      throw new IllegalArgumentException(
          "expected the parameters " + shapes.keySet() + ", got " + values.keySet());
    }
  }

  private static void fill(Map<String, FloatBuffer> target, Map<String, float[]> values) {
    target.forEach((name, buffer) -> buffer.duplicate().clear().put(values.get(name)));
  }

  private static Map<String, float[]> copy(Map<String, FloatBuffer> source) {
    Map<String, float[]> copy = new LinkedHashMap<>();
    source.forEach((name, buffer) -> {
      float[] values = new float[buffer.capacity()];
      buffer.duplicate().clear().get(values);
      copy.put(name, values);
    });
    return copy;
  }

  private static FloatBuffer floats(int count) {
    return ByteBuffer.allocateDirect(Math.max(count, 1) * Float.BYTES)
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer()
        .limit(count);
  }

  private static LongBuffer longs(int count) {
    return ByteBuffer.allocateDirect(Math.max(count, 1) * Long.BYTES)
        .order(ByteOrder.nativeOrder())
        .asLongBuffer()
        .limit(count);
  }
}
