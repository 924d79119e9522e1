package io.gvgap.onnx.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.gvgap.onnx.arch.ArchitectureConfig;
import io.gvgap.onnx.arch.ArchitectureGraph;
import io.gvgap.onnx.arch.ArchitectureStepGraph;
import io.gvgap.onnx.arch.DecoderWeights;
import io.gvgap.onnx.arch.HfConfigReader;
import io.gvgap.onnx.arch.ImportedWeights;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderGraph;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.decoder.SharedPrefixStepGraph;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.ModelSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ONNX Runtime sessions of an {@link OnnxLanguageModel}: the model file's session (behind an
 * fp32 boundary when its interface is fp16, see {@link Fp16Boundary}), or, for the shared-prefix
 * path, a prefill session and one decode-step session per lane ({@link DecodeLanes}) rebuilt from a
 * gvgap decoder's or an imported checkpoint's weights.
 *
 * @param session the session that prefills (and decodes on the generic path)
 * @param stepSessions the shared-prefix step's sessions, one per lane; empty on the generic path
 * @param slidingWindow an imported architecture's sliding attention window (0: none)
 * @param boundaryCopy the temporary directory of an fp16 model's converted copy; or null
 */
record DecoderSessions(
    OrtSession session, List<OrtSession> stepSessions, int slidingWindow, Path boundaryCopy) {

  /**
   * Opens the sessions of {@code modelFile} in {@code directory}; on failure closes whatever it
   * opened before rethrowing.
   */
  static DecoderSessions open(
      Path directory, Path modelFile, int threads, String device, boolean sharedPrefix)
      throws OrtException, IOException {
    OrtSession session = null;
    List<OrtSession> stepSessions = new ArrayList<>();
    int slidingWindow = 0;
    Path boundaryCopy = null;
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      session = env.createSession(modelFile.toString(), OrtSessions.options(threads, device));
      if (hasHalfInterface(session)) {
        OnnxLanguageModel.closeQuietly(session);
        session = null;
        boundaryCopy = Files.createTempDirectory("gvgap-fp16-");
        Path converted = Fp16Boundary.convert(
            Fp16Boundary.read(modelFile),
            modelFile,
            new ArrayList<>(ModelContentHash.externalLocations(modelFile)),
            boundaryCopy);
        session = env.createSession(converted.toString(), OrtSessions.options(threads, device));
      }
      String imported = session.getMetadata().getCustomMetadata().get(ImportedWeights.METADATA_KEY);
      if (sharedPrefix && imported != null) {
        // an imported checkpoint: both graphs rebuilt from its description and weights
        OrtSession generic = session;
        session = null;
        OnnxLanguageModel.closeQuietly(generic);
        ArchitectureConfig architecture = HfConfigReader.read(directory);
        DecoderWeights weights = ImportedWeights.read(modelFile);
        Map<String, String> metadata = Map.of(ImportedWeights.METADATA_KEY, imported);
        session = rebuilt(
            env,
            ArchitectureGraph.build(architecture, weights, true),
            ArchitectureStepGraph.build(architecture, weights),
            metadata,
            weights.parameterCount(),
            threads,
            device,
            stepSessions);
        slidingWindow = architecture.slidingWindow();
      } else if (sharedPrefix && isGvgapModel(session, modelFile)) {
        OrtSession generic = session;
        session = null;
        OnnxLanguageModel.closeQuietly(generic);
        DecoderConfig decoder = ModelDirectory.readConfig(directory);
        Map<String, float[]> parameters = ModelDirectory.readParameters(directory);
        Map<String, String> metadata = Map.of("gvgap.architecture", "gpt2");
        session = rebuilt(
            env,
            DecoderGraph.build(decoder, parameters, true),
            SharedPrefixStepGraph.build(decoder, parameters),
            metadata,
            parameters.values().stream().mapToLong(p -> p.length).sum(),
            threads,
            device,
            stepSessions);
      }
      return new DecoderSessions(session, stepSessions, slidingWindow, boundaryCopy);
    } catch (OrtException | IOException | RuntimeException e) {
      OnnxLanguageModel.closeQuietly(session);
      stepSessions.forEach(OnnxLanguageModel::closeQuietly);
      throw e;
    }
  }

  /**
   * The shared-prefix path's sessions: the prefill graph's session (returned) and the step graph's,
   * one per lane, added to {@code stepSessions}; the prefill session is closed when a lane fails.
   */
  private static OrtSession rebuilt(
      OrtEnvironment env,
      Graph prefill,
      Graph step,
      Map<String, String> metadata,
      long parameters,
      int threads,
      String device,
      List<OrtSession> stepSessions)
      throws OrtException {
    OrtSession session = env.createSession(
        ModelSerializer.toModel(prefill, metadata).toByteArray(),
        OrtSessions.options(threads, device));
    try {
      createLanes(
          env,
          ModelSerializer.toModel(step, metadata).toByteArray(),
          threads,
          device,
          parameters,
          stepSessions);
    } catch (OrtException | RuntimeException e) {
      OnnxLanguageModel.closeQuietly(session);
      throw e;
    }
    return session;
  }

  /** Closes every session. */
  void close() {
    OnnxLanguageModel.closeQuietly(session);
    stepSessions.forEach(OnnxLanguageModel::closeQuietly);
  }

  /** Whether any input or output of the session is fp16. */
  private static boolean hasHalfInterface(OrtSession session) throws OrtException {
    List<NodeInfo> values = new ArrayList<>(session.getInputInfo().values());
    values.addAll(session.getOutputInfo().values());
    for (NodeInfo value : values) {
      if (value.getInfo() instanceof TensorInfo tensor && tensor.type == OnnxJavaType.FLOAT16) {
        return true;
      }
    }
    return false;
  }

  /** Whether the session's file is a decoder gvgap wrote ({@code model.onnx} with gvgap's metadata). */
  private static boolean isGvgapModel(OrtSession session, Path modelFile) throws OrtException {
    return modelFile.getFileName().toString().equals(ModelDirectory.MODEL_FILE)
        && "gpt2".equals(session.getMetadata().getCustomMetadata().get("gvgap.architecture"));
  }

  /**
   * Creates the shared-prefix step's sessions, one per decode lane ({@link DecodeLanes}), into
   * {@code sessions} (so that the caller closes those made before a failure).
   */
  private static void createLanes(
      OrtEnvironment env,
      byte[] stepModel,
      int threads,
      String device,
      long parameters,
      List<OrtSession> sessions)
      throws OrtException {
    int lanes = DecodeLanes.count(threads, device, parameters);
    int laneThreads = DecodeLanes.threadsPerLane(threads, lanes);
    for (int lane = 0; lane < lanes; lane++) {
      sessions.add(env.createSession(stepModel, OrtSessions.options(laneThreads, device)));
    }
  }
}
