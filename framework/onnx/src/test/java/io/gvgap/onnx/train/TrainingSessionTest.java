package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderGraph;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training step graph run by {@link TrainingSession}, against independent computations. */
class TrainingSessionTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  private static final DecoderConfig CONFIG = new DecoderConfig(9, 8, 2, 8, 2, 16, true, 1e-5f);
  private static final TokenBatch BATCH = new TokenBatch(
      2,
      5,
      new long[] {2, 3, 4, 5, 6, 7, 8, 2, 0, 0},
      new long[] {3, 4, 5, 6, 0, 8, 2, 0, 0, 0},
      new float[] {0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0, 0});

  @Test
  void trainingLogitsEqualTheInferenceDecoderLogits() throws Exception {
    Map<String, float[]> parameters = DecoderParameters.random(CONFIG, 11);
    float[] training = trainingLogits(CONFIG, 1, parameters, BATCH);
    float[] inference;
    try (OrtSession session =
        ENV.createSession(ModelSerializer.toModel(DecoderGraph.build(CONFIG, parameters), Map.of())
            .toByteArray())) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      long[] shape = {2, 5};
      inputs.put(
          "input_ids", OnnxTensor.createTensor(ENV, LongBuffer.wrap(BATCH.inputIds()), shape));
      inputs.put(
          "attention_mask",
          OnnxTensor.createTensor(
              ENV, LongBuffer.wrap(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), shape));
      inputs.put(
          "position_ids",
          OnnxTensor.createTensor(
              ENV, LongBuffer.wrap(new long[] {0, 1, 2, 3, 4, 0, 1, 2, 3, 4}), shape));
      for (int i = 0; i < CONFIG.layers(); i++) {
        for (String kind : List.of("key", "value")) {
          inputs.put(
              "past_key_values." + i + "." + kind,
              OnnxTensor.createTensor(
                  ENV, FloatBuffer.allocate(0), new long[] {2, CONFIG.heads(), 0, CONFIG.headDim()
                  }));
        }
      }
      try (OrtSession.Result result = session.run(inputs)) {
        inference = floats((OnnxTensor) result.get("logits").get());
      }
    }
    assertThat(training).hasSameSizeAs(inference);
    for (int i = 0; i < training.length; i++) {
      assertThat(training[i]).as("logit %d", i).isCloseTo(inference[i], within(1e-5f));
    }
  }

  /**
   * Two AdamW steps against a Java implementation of AdamW fed with the gradients of
   * {@link ReverseMode} (which {@link DecoderGradientTest} checks against finite differences). With
   * float32 arithmetic in both, parameters agree to 1e-6 absolute (updates are ≈ 1e-2).
   */
  @Test
  void twoStepsEqualAJavaAdamWOnTheSameGradients() throws Exception {
    Map<String, float[]> start = DecoderParameters.random(CONFIG, 12);
    AdamWSchedule schedule = new AdamWSchedule(1e-2, 2, 10, 0.1, 0.9, 0.95, 1e-8, 0.1, 0.5);
    Map<String, double[]> m = new LinkedHashMap<>();
    Map<String, double[]> v = new LinkedHashMap<>();
    start.forEach((name, values) -> {
      m.put(name, new double[values.length]);
      v.put(name, new double[values.length]);
    });
    Map<String, float[]> expected = copy(start);
    try (TrainingSession session = new TrainingSession(CONFIG, schedule, start, 1, "cpu")) {
      for (int step = 1; step <= 2; step++) {
        Map<String, float[]> gradients = gradients(expected);
        double norm = 0;
        for (float[] g : gradients.values()) {
          for (float x : g) {
            norm += (double) x * x;
          }
        }
        norm = Math.sqrt(norm);
        double clip = Math.min(1, schedule.clipNorm() / (norm + 1e-6));
        double rate = schedule.learningRate(step);
        for (Map.Entry<String, float[]> entry : expected.entrySet()) {
          String name = entry.getKey();
          float[] p = entry.getValue();
          float[] g = gradients.get(name);
          boolean matrix = DecoderParameters.shapes(CONFIG).get(name).length >= 2;
          for (int i = 0; i < p.length; i++) {
            double gi = g[i] * clip;
            m.get(name)[i] = 0.9 * m.get(name)[i] + 0.1 * gi;
            v.get(name)[i] = 0.95 * v.get(name)[i] + 0.05 * gi * gi;
            double mHat = m.get(name)[i] / (1 - Math.pow(0.9, step));
            double vHat = v.get(name)[i] / (1 - Math.pow(0.95, step));
            double direction = mHat / (Math.sqrt(vHat) + 1e-8) + (matrix ? 0.1 * p[i] : 0);
            p[i] = (float) (p[i] - rate * direction);
          }
        }
        StepResult result = session.step(BATCH);
        assertThat(result.step()).isEqualTo(step);
        assertThat(result.learningRate()).isCloseTo(rate, within(1e-7));
        assertThat(result.gradientNorm()).isCloseTo(norm, within(1e-4 * norm));
        Map<String, float[]> actual = session.parameters();
        for (String name : expected.keySet()) {
          float[] want = expected.get(name);
          float[] got = actual.get(name);
          for (int i = 0; i < want.length; i++) {
            assertThat(got[i])
                .as("%s[%d] after step %d", name, i, step)
                .isCloseTo(want[i], within(1e-6f));
          }
        }
      }
    }
  }

  /**
   * A batch of {@value TrainingForwardGraph#BLOCKED_FROM} or more positions takes the step graph whose
   * causal attention skips the masked blocks; its step equals the one-block graph's (a session of
   * the same model that always picks one block), and a shorter batch in the same session takes the
   * one-block graph.
   */
  @Test
  void longBatchesTakeTheBlockedAttentionWithTheSameStep() throws Exception {
    DecoderConfig config = new DecoderConfig(9, 300, 2, 8, 2, 16, true, 1e-5f);
    int length = 270;
    OwnDecoderModel model = new OwnDecoderModel(config, null);
    assertThat(model.stepGraphVariant(length)).isEqualTo(TrainingForwardGraph.LONG_SEQUENCE_BLOCKS);
    assertThat(model.stepGraphVariant(40)).isEqualTo(1);
    TrainableModel oneBlock = new TrainableModel() {
      @Override
      public Map<String, long[]> shapes() {
        return model.shapes();
      }

      @Override
      public io.gvgap.onnx.graph.Graph stepGraph(AdamWSchedule schedule) {
        return model.stepGraph(schedule);
      }

      @Override
      public int contextLength() {
        return model.contextLength();
      }

      @Override
      public long[] encode(String text) {
        throw new UnsupportedOperationException();
      }

      @Override
      public long endOfText() {
        return 0;
      }

      @Override
      public long parameterCount() {
        return model.parameterCount();
      }

      @Override
      public String describe() {
        return "one attention block";
      }

      @Override
      public void write(
          java.nio.file.Path directory,
          Map<String, float[]> p,
          io.gvgap.onnx.decoder.ModelCard card) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Map<String, float[]> readParameters(java.nio.file.Path directory) {
        throw new UnsupportedOperationException();
      }
    };
    java.util.SplittableRandom random = new java.util.SplittableRandom(4);
    List<TokenBatch> batches = new ArrayList<>();
    for (int n : new int[] {length, 40, length}) {
      long[] ids = new long[2 * n];
      long[] targets = new long[2 * n];
      float[] weights = new float[2 * n];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = random.nextInt(config.vocabSize());
        targets[i] = random.nextInt(config.vocabSize());
        weights[i] = 1f / ids.length;
      }
      batches.add(new TokenBatch(2, n, ids, targets, weights));
    }
    Map<String, float[]> start = DecoderParameters.random(config, 21);
    AdamWSchedule schedule = AdamWSchedule.standard(1e-2, 0, 10);
    try (TrainingSession blocked = new TrainingSession(model, schedule, start, 1, "cpu");
        TrainingSession plain = new TrainingSession(oneBlock, schedule, start, 1, "cpu")) {
      for (TokenBatch batch : batches) {
        StepResult a = blocked.step(batch);
        StepResult b = plain.step(batch);
        assertThat(a.loss()).isCloseTo(b.loss(), within(1e-5 * Math.abs(b.loss())));
        assertThat(a.gradientNorm()).isCloseTo(b.gradientNorm(), within(1e-4 * b.gradientNorm()));
      }
      Map<String, float[]> left = blocked.parameters();
      Map<String, float[]> right = plain.parameters();
      // 1e-5: the key bias's gradient is 0 in exact arithmetic (a softmax ignores a shift shared
      // by a row), so its AdamW update is rounding noise of a few 1e-6 that differs between graphs
      for (String name : left.keySet()) {
        assertThat(left.get(name)).as(name).containsExactly(right.get(name), within(1e-5f));
      }
    }
  }

  @Test
  void repeatedStepsOnOneBatchDriveTheLossDown() throws Exception {
    AdamWSchedule schedule = AdamWSchedule.standard(2e-2, 5, 150);
    try (TrainingSession session =
        new TrainingSession(CONFIG, schedule, DecoderParameters.random(CONFIG, 13), 1, "cpu")) {
      double first = session.step(BATCH).loss();
      double last = first;
      for (int i = 0; i < 149; i++) {
        last = session.step(BATCH).loss();
      }
      // The first loss is ≈ ln 9 ≈ 2.2 (uniform over 9 ids at initialisation); memorising 8 tokens
      // gets far below.
      assertThat(first).isCloseTo(Math.log(9), within(0.1));
      assertThat(last).isLessThan(0.3);
    }
  }

  private static Map<String, float[]> gradients(Map<String, float[]> parameters) throws Exception {
    GraphBuilder b = new GraphBuilder("loss");
    TrainingForwardGraph.addTo(b, CONFIG);
    b.output(TrainingForwardGraph.LOSS, TrainingForwardGraph.LOSS, ElementType.FLOAT);
    List<String> names = new ArrayList<>(DecoderParameters.shapes(CONFIG).keySet());
    ReverseMode.Result result =
        ReverseMode.differentiate(b.build(), TrainingForwardGraph.LOSS, names);
    for (String name : names) {
      result
          .builder()
          .output(
              result.gradients().get(name),
              "grad." + name,
              ElementType.FLOAT,
              TrainingStepGraph.dims(DecoderParameters.shapes(CONFIG).get(name)));
    }
    Map<String, float[]> gradients = new LinkedHashMap<>();
    try (OrtSession session = ENV.createSession(
        ModelSerializer.toModel(result.builder().build(), Map.of()).toByteArray())) {
      Map<String, OnnxTensor> inputs = batchTensors(BATCH);
      for (String name : names) {
        inputs.put(
            name,
            OnnxTensor.createTensor(
                ENV,
                FloatBuffer.wrap(parameters.get(name)),
                DecoderParameters.shapes(CONFIG).get(name)));
      }
      try (OrtSession.Result out = session.run(inputs)) {
        for (String name : names) {
          gradients.put(name, floats((OnnxTensor) out.get("grad." + name).get()));
        }
      }
    }
    return gradients;
  }

  /**
   * The training forward graph's logits ({@code attentionBlocks} causal blocks) for a batch, run by
   * ONNX Runtime.
   */
  static float[] trainingLogits(
      DecoderConfig config, int attentionBlocks, Map<String, float[]> parameters, TokenBatch batch)
      throws Exception {
    GraphBuilder b = new GraphBuilder("forward");
    TrainingForwardGraph.addTo(b, config, attentionBlocks);
    b.output(
        TrainingForwardGraph.LOGITS,
        TrainingForwardGraph.LOGITS,
        ElementType.FLOAT,
        "b",
        "s",
        config.vocabSize());
    try (OrtSession session =
        ENV.createSession(ModelSerializer.toModel(b.build(), Map.of()).toByteArray())) {
      Map<String, OnnxTensor> inputs = batchTensors(batch);
      for (Map.Entry<String, long[]> entry : DecoderParameters.shapes(config).entrySet()) {
        inputs.put(
            entry.getKey(),
            OnnxTensor.createTensor(
                ENV, FloatBuffer.wrap(parameters.get(entry.getKey())), entry.getValue()));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        return floats((OnnxTensor) result.get(TrainingForwardGraph.LOGITS).get());
      } finally {
        inputs.values().forEach(OnnxTensor::close);
      }
    }
  }

  private static Map<String, OnnxTensor> batchTensors(TokenBatch batch) throws Exception {
    long[] shape = {batch.rows(), batch.length()};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    inputs.put("input_ids", OnnxTensor.createTensor(ENV, LongBuffer.wrap(batch.inputIds()), shape));
    inputs.put(
        "target_ids", OnnxTensor.createTensor(ENV, LongBuffer.wrap(batch.targetIds()), shape));
    inputs.put(
        "loss_weights", OnnxTensor.createTensor(ENV, FloatBuffer.wrap(batch.lossWeights()), shape));
    return inputs;
  }

  private static float[] floats(OnnxTensor tensor) {
    FloatBuffer buffer = tensor.getFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return values;
  }

  private static Map<String, float[]> copy(Map<String, float[]> source) {
    Map<String, float[]> copy = new LinkedHashMap<>();
    source.forEach((name, values) -> copy.put(name, values.clone()));
    return copy;
  }
}
