package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.arch.ArchitectureConfig;
import io.gvgap.onnx.arch.ArchitectureTrainingGraph;
import io.gvgap.onnx.arch.HfConfigReader;
import io.gvgap.onnx.arch.HfWeights;
import io.gvgap.onnx.arch.RandomCheckpoints;
import io.gvgap.onnx.checkpoint.SafetensorsCheckpoint;
import io.gvgap.onnx.checkpoint.TensorType;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The training forward pass built from an architecture description ({@link
 * ArchitectureTrainingGraph}) against central finite differences, for every parameter tensor of a
 * small checkpoint of each architecture (RMSNorm and Gemma's 1 + w, rotary with llama3 and linear
 * scaling, grouped-query attention, soft-caps, sliding windows, gated SiLU and GELU MLPs, biases,
 * learned positions), so that reverse mode differentiates all six. Tolerance as in {@link
 * DecoderGradientTest}, with the floor at 5e-3: the loss here is ≈ 4.6 (98 ids), whose float
 * spacing makes a central difference with h = 1e-2 resolve gradients only to ≈ 2.4e-5 (one spacing
 * over 2h), which the smallest gradients (a key bias, ≈ 1e-4) are a few of.
 */
class ArchitectureGradientTest {
  private static final RandomCheckpoints.Sizes TINY = new RandomCheckpoints.Sizes(16, 2, 4, 2, 24);

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"llama", "qwen2", "mistral", "phi3", "gemma2", "gpt2"})
  void everyParameterGradientMatchesFiniteDifferences(String type) throws Exception {
    Path checkpoint = RandomCheckpoints.write(dir, type, TensorType.F32, 1L << 30, 7, TINY);
    ArchitectureConfig config = HfConfigReader.read(checkpoint);
    Map<String, float[]> weights = HfWeights.read(config, SafetensorsCheckpoint.open(checkpoint));
    GradientChecker checker = new GradientChecker();
    ArchitectureTrainingGraph.shapes(config, weights)
        .forEach((name, shape) -> checker.floatInput(name, weights.get(name), shape));
    // 2 rows of 14 tokens: longer than mistral's window (12) and gemma2's (8)
    long[] inputs = new long[28];
    long[] targets = new long[28];
    float[] lossWeights = new float[28];
    for (int t = 0; t < 28; t++) {
      inputs[t] = 5 + (t * 7) % 60;
      targets[t] = 5 + (t * 11) % 60;
      lossWeights[t] = t % 14 == 0 ? 0 : 1f / 26;
    }
    checker
        .longInput("input_ids", inputs, 2, 14)
        .longInput("target_ids", targets, 2, 14)
        .floatInput("loss_weights", lossWeights, 2, 14);
    List<String> names = new ArrayList<>(weights.keySet());
    GradientChecker.Report report = checker.check(
        b -> {
          ArchitectureTrainingGraph.addNodes(b, config, weights);
          return TrainingForwardGraph.LOSS;
        },
        names,
        4,
        1e-2,
        5e-3);
    assertThat(report.checked()).isPositive();
    assertThat(report.worstError()).as("%s: %s", type, report.where()).isLessThan(2e-2);
  }

  /** The training forward's logits are the inference graph's (the written model.onnx's). */
  @ParameterizedTest
  @ValueSource(strings = {"llama", "gemma2", "gpt2"})
  void trainingLogitsEqualTheInferenceGraphs(String type) throws Exception {
    Path checkpoint = RandomCheckpoints.write(dir, type, TensorType.F32, 1L << 30, 8, TINY);
    ArchitectureConfig config = HfConfigReader.read(checkpoint);
    Map<String, float[]> weights = HfWeights.read(config, SafetensorsCheckpoint.open(checkpoint));
    long[] ids = {5, 17, 9, 30, 12, 44, 8, 21, 3, 60, 11, 7, 25, 19};
    GraphBuilder b = new GraphBuilder("training_forward");
    ArchitectureTrainingGraph.addTo(b, config, weights);
    b.output(
        TrainingForwardGraph.LOGITS,
        TrainingForwardGraph.LOGITS,
        ElementType.FLOAT,
        "batch_size",
        "sequence_length",
        config.vocabSize());
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, long[]> shapes = ArchitectureTrainingGraph.shapes(config, weights);
    List<OnnxTensor> owned = new ArrayList<>();
    Map<String, OnnxTensor> inputs = new java.util.HashMap<>();
    float[] training;
    try (OrtSession session =
        env.createSession(ModelSerializer.toModel(b.build(), Map.of()).toByteArray())) {
      for (var entry : shapes.entrySet()) {
        OnnxTensor tensor = OnnxTensor.createTensor(
            env, FloatBuffer.wrap(weights.get(entry.getKey())), entry.getValue());
        owned.add(tensor);
        inputs.put(entry.getKey(), tensor);
      }
      long[] shape = {1, ids.length};
      owned.add(OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("input_ids", owned.get(owned.size() - 1));
      owned.add(OnnxTensor.createTensor(env, LongBuffer.wrap(ids.clone()), shape));
      inputs.put("target_ids", owned.get(owned.size() - 1));
      owned.add(OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[ids.length]), shape));
      inputs.put("loss_weights", owned.get(owned.size() - 1));
      try (OrtSession.Result result = session.run(inputs)) {
        training = ((float[][][]) result.get(0).getValue())[0][ids.length - 1];
      }
    } finally {
      owned.forEach(OnnxTensor::close);
    }
    Path model = dir.resolve("imported");
    io.gvgap.onnx.arch.CheckpointImporter.importCheckpoint(checkpoint, model);
    float[] inference;
    try (OrtSession session = env.createSession(model.resolve("model.onnx").toString())) {
      inference = io.gvgap.onnx.runtime.LastLogits.of(session, ids);
    }
    for (int v = 0; v < inference.length; v++) {
      assertThat(training[v])
          .as("%s id %d", type, v)
          .isCloseTo(inference[v], org.assertj.core.api.Assertions.within(1e-4f));
    }
  }

  /**
   * The whole training step (gradients, clipping, AdamW) built around an imported architecture's
   * forward graph lowers its loss on a fixed batch: gvgap can fine-tune the six architectures at
   * the graph level.
   */
  @ParameterizedTest
  @ValueSource(strings = {"llama", "gemma2"})
  void trainingStepsLowerTheLossOfAnImportedArchitecture(String type) throws Exception {
    Path checkpoint = RandomCheckpoints.write(dir, type, TensorType.F32, 1L << 30, 9, TINY);
    ArchitectureConfig config = HfConfigReader.read(checkpoint);
    Map<String, float[]> weights = HfWeights.read(config, SafetensorsCheckpoint.open(checkpoint));
    Map<String, long[]> shapes = ArchitectureTrainingGraph.shapes(config, weights);
    GraphBuilder forward = new GraphBuilder("step");
    ArchitectureTrainingGraph.addTo(forward, config, weights);
    var graph = TrainingStepGraph.build(forward, shapes, AdamWSchedule.standard(3e-3, 0, 100));
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    long[] ids = {5, 17, 9, 30, 12, 44, 8, 21, 3, 60, 11, 7, 25, 19};
    long[] targets = {17, 9, 30, 12, 44, 8, 21, 3, 60, 11, 7, 25, 19, 5};
    float[] lossWeights = new float[ids.length];
    java.util.Arrays.fill(lossWeights, 1f / ids.length);
    Map<String, float[]> parameters = new java.util.HashMap<>(weights);
    Map<String, float[]> firstMoments = new java.util.HashMap<>();
    Map<String, float[]> secondMoments = new java.util.HashMap<>();
    shapes.forEach((name, shape) -> {
      firstMoments.put(name, new float[weights.get(name).length]);
      secondMoments.put(name, new float[weights.get(name).length]);
    });
    List<Float> losses = new ArrayList<>();
    try (OrtSession session =
        env.createSession(ModelSerializer.toModel(graph, Map.of()).toByteArray())) {
      for (int step = 1; step <= 30; step++) {
        List<OnnxTensor> owned = new ArrayList<>();
        Map<String, OnnxTensor> inputs = new java.util.HashMap<>();
        try {
          long[] shape = {1, ids.length};
          inputs.put(
              "input_ids", own(owned, OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape)));
          inputs.put(
              "target_ids",
              own(owned, OnnxTensor.createTensor(env, LongBuffer.wrap(targets), shape)));
          inputs.put(
              "loss_weights",
              own(owned, OnnxTensor.createTensor(env, FloatBuffer.wrap(lossWeights), shape)));
          inputs.put(
              TrainingStepGraph.STEP,
              own(
                  owned,
                  OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[] {step}), new long[0])));
          for (var entry : shapes.entrySet()) {
            String name = entry.getKey();
            inputs.put(
                name,
                own(
                    owned,
                    OnnxTensor.createTensor(
                        env, FloatBuffer.wrap(parameters.get(name)), entry.getValue())));
            inputs.put(
                TrainingStepGraph.firstMoment(name),
                own(
                    owned,
                    OnnxTensor.createTensor(
                        env, FloatBuffer.wrap(firstMoments.get(name)), entry.getValue())));
            inputs.put(
                TrainingStepGraph.secondMoment(name),
                own(
                    owned,
                    OnnxTensor.createTensor(
                        env, FloatBuffer.wrap(secondMoments.get(name)), entry.getValue())));
          }
          try (OrtSession.Result result = session.run(inputs)) {
            losses.add(
                (Float) result.get(TrainingForwardGraph.LOSS).orElseThrow().getValue());
            for (String name : shapes.keySet()) {
              parameters.put(name, floats(result, TrainingStepGraph.updated(name)));
              firstMoments.put(name, floats(result, TrainingStepGraph.updatedFirstMoment(name)));
              secondMoments.put(name, floats(result, TrainingStepGraph.updatedSecondMoment(name)));
            }
          }
        } finally {
          owned.forEach(OnnxTensor::close);
        }
      }
    }
    // memorising one 14-token batch: the loss falls well below its start
    assertThat(losses.get(losses.size() - 1))
        .as("%s losses %s", type, losses)
        .isLessThan(losses.get(0) * 0.5f);
  }

  private static OnnxTensor own(List<OnnxTensor> owned, OnnxTensor tensor) {
    owned.add(tensor);
    return tensor;
  }

  private static float[] floats(OrtSession.Result result, String name) throws Exception {
    FloatBuffer buffer = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return values;
  }
}
