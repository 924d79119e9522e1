package io.gvgap.onnx.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gvgap.api.model.Completion;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.onnx.arch.CheckpointImporter;
import io.gvgap.onnx.checkpoint.SafetensorsCheckpoint;
import io.gvgap.onnx.decoder.SharedPrefixStepGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A decoder in a Hugging Face Optimum model directory, run by ONNX Runtime. Not thread-safe: one
 * caller at a time (it reuses its buffers between calls).
 */
public final class OnnxLanguageModel implements LanguageModel {
  /** Model file names looked for, in this order. */
  public static final List<String> MODEL_FILES = List.of(
      "model.onnx",
      "onnx/model.onnx",
      "decoder_model_merged.onnx",
      "onnx/decoder_model_merged.onnx");

  private final Path directory;
  /** The temporary model directory of a checkpoint opened directly, deleted on close; or null. */
  private Path temporaryCopy;
  /** The checkpoint directory a temporary copy was imported from; or null. */
  private Path checkpoint;

  private final Path modelFile;
  private final OrtSession session;
  private final List<OrtSession> stepSessions;
  private final TextTokenizer tokenizer;
  private final ModelConfig config;
  private final DecoderSignature signature;
  private final GenerationEngine engine;
  private final ContinuationScorer scorer;
  private final String device;

  private OnnxLanguageModel(
      Path directory,
      Path modelFile,
      OrtSession session,
      List<OrtSession> stepSessions,
      TextTokenizer tokenizer,
      ModelConfig config,
      DecoderSignature signature,
      int vocab,
      int maxBatchRows,
      String device,
      int slidingWindow) {
    this.directory = directory;
    this.modelFile = modelFile;
    this.session = session;
    this.stepSessions = List.copyOf(stepSessions);
    this.tokenizer = tokenizer;
    this.config = config;
    this.signature = signature;
    this.device = device;
    DecoderRunner runner =
        new DecoderRunner(OrtEnvironment.getEnvironment(), session, signature, vocab);
    List<SharedPrefixRunner> lanes = new ArrayList<>();
    for (OrtSession stepSession : stepSessions) {
      lanes.add(new SharedPrefixRunner(
          OrtEnvironment.getEnvironment(),
          stepSession,
          signature.layers(),
          signature.kvHeads(),
          signature.headDim(),
          vocab,
          SharedPrefixStepGraph.candidates(vocab),
          slidingWindow));
    }
    this.engine = new GenerationEngine(runner, lanes, tokenizer, config, maxBatchRows);
    this.scorer = new ContinuationScorer(runner, tokenizer, engine, config, maxBatchRows);
  }

  /**
   * Opens a model directory.
   *
   * @param directory holds {@code tokenizer.json}, {@code config.json} and one of {@link
   *     #MODEL_FILES}; or a Hugging Face safetensors checkpoint, imported into a temporary model
   *     directory ({@link CheckpointImporter}) that closing the model deletes
   * @param threads ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose
   * @param device {@code cpu} or {@code cuda}
   * @param maxBatchRows most sequences decoded in one call
   * @throws ModelLoadException naming the file and the fix when something is missing or unsupported
   */
  public static OnnxLanguageModel open(
      Path directory, int threads, String device, int maxBatchRows) {
    return open(directory, threads, device, maxBatchRows, true);
  }

  /**
   * Opens a model directory, choosing the decode path.
   *
   * @param sharedPrefix for gvgap's own model directories ({@code model.onnx} written by gvgap),
   *     rebuild from the weights at load time a prefill graph that computes the last position's
   *     logits only and the shared-prefix decode step ({@link SharedPrefixStepGraph}); false, or
   *     any other model, uses the file's own graph for every call (the generic path)
   * @see #open(Path, int, String, int)
   */
  public static OnnxLanguageModel open(
      Path directory, int threads, String device, int maxBatchRows, boolean sharedPrefix) {
    return open(directory, threads, device, maxBatchRows, sharedPrefix, "");
  }

  /**
   * Opens a model directory's ONNX file {@code file} (relative to the directory, e.g. {@code
   * onnx/model_q4.onnx} of an Optimum export with several; empty: the first of {@link
   * #MODEL_FILES} that exists). A model with fp16 inputs or outputs is converted at the boundary
   * ({@link Fp16Boundary}).
   *
   * @see #open(Path, int, String, int, boolean)
   */
  public static OnnxLanguageModel open(
      Path directory,
      int threads,
      String device,
      int maxBatchRows,
      boolean sharedPrefix,
      String file) {
    if (!Files.isDirectory(directory)) {
      throw new ModelLoadException(
          directory + " is not a directory: give the model directory (with model.onnx, "
              + "config.json, tokenizer.json)");
    }
    if (maxBatchRows < 1) {
      throw new IllegalArgumentException("maxBatchRows must be >= 1, was " + maxBatchRows);
    }
    if (MODEL_FILES.stream().map(directory::resolve).noneMatch(Files::isRegularFile)
        && SafetensorsCheckpoint.isCheckpoint(directory)) {
      return openCheckpoint(directory, threads, device, maxBatchRows, sharedPrefix);
    }
    if (!file.isEmpty() && !Files.isRegularFile(directory.resolve(file))) {
      throw new ModelLoadException(directory + " has no model file " + file + " (option file); its"
          + " ONNX files: " + onnxFiles(directory));
    }
    Path modelFile = (file.isEmpty() ? MODEL_FILES.stream() : Stream.of(file))
        .map(directory::resolve)
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(
            () -> new ModelLoadException(
                directory + " has no model file: looked for " + MODEL_FILES
                    + "; export the model with optimum-cli (text-generation-with-past) or write one with gvgap"));
    ModelConfig config = ModelConfig.read(directory);
    TextTokenizer tokenizer = TextTokenizer.open(directory);
    DecoderSessions sessions = null;
    try {
      sessions = DecoderSessions.open(directory, modelFile, threads, device, sharedPrefix);
      OrtSession session = sessions.session();
      DecoderSignature signature = DecoderSignature.inspect(session, modelFile);
      int vocab = signature.vocabSize() > 0 ? signature.vocabSize() : config.vocabSize();
      if (vocab < 1) {
        throw new ModelLoadException(
            modelFile + ": the logits' vocabulary axis is symbolic and config.json has no "
                + "vocab_size; add vocab_size to config.json");
      }
      if (tokenizer.maxId() >= vocab) {
        throw new ModelLoadException(
            directory.resolve("tokenizer.json") + " has token ids up to " + tokenizer.maxId()
                + " but " + modelFile.getFileName() + " gives logits for " + vocab
                + " ids: the tokenizer does not "
                + "belong to this model");
      }
      OnnxLanguageModel model = new OnnxLanguageModel(
          directory,
          modelFile,
          session,
          sessions.stepSessions(),
          tokenizer,
          config,
          signature,
          vocab,
          maxBatchRows,
          device.toLowerCase(Locale.ROOT),
          sessions.slidingWindow());
      model.temporaryCopy = sessions.boundaryCopy();
      return model;
    } catch (OrtException e) {
      tokenizer.close();
      if (sessions != null) {
        sessions.close();
      }
      throw new ModelLoadException(
          modelFile + " could not be loaded by ONNX Runtime (corrupt or not an ONNX model?): "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      tokenizer.close();
      throw new ModelLoadException(
          directory + ": could not read gvgap's model files to build the shared-prefix decoder: "
              + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      tokenizer.close();
      if (sessions != null) {
        sessions.close();
      }
      throw e;
    }
  }

  /**
   * A Hugging Face checkpoint directory opened directly: imported ({@link CheckpointImporter}) into
   * a temporary model directory that is deleted when the model is closed. {@code gvgap models
   * import} keeps the import instead, so that later runs skip it.
   */
  private static OnnxLanguageModel openCheckpoint(
      Path checkpoint, int threads, String device, int maxBatchRows, boolean sharedPrefix) {
    Path imported;
    try {
      imported = Files.createTempDirectory("gvgap-import-");
      CheckpointImporter.importCheckpoint(checkpoint, imported);
    } catch (IOException e) {
      throw new ModelLoadException(
          checkpoint + ": could not write the imported model to a temporary directory: "
              + e.getMessage()
              + "; import it once with gvgap models import and give that directory",
          e);
    }
    OnnxLanguageModel model = open(imported, threads, device, maxBatchRows, sharedPrefix);
    model.temporaryCopy = imported;
    model.checkpoint = checkpoint;
    return model;
  }

  /** The .onnx files of a directory and its onnx/ folder, for error messages. */
  private static List<String> onnxFiles(Path directory) {
    List<String> names = new ArrayList<>();
    for (Path folder : List.of(directory, directory.resolve("onnx"))) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> files = Files.list(folder)) {
          files
              .filter(p -> p.toString().endsWith(".onnx"))
              .forEach(p -> names.add(directory.relativize(p).toString()));
        } catch (IOException e) {
          // the list is only for the message
        }
      }
    }
    return names;
  }

  /**
   * Bytes of the KV cache of the last generation call: {@code [prompt cache, sample cache]}, the
   * prompt cache one copy per prompt of the last prefilled group (the shared-prefix path reads it
   * in place; the generic path copies it into every sample's row, counted in the sample cache), the
   * sample cache that of the last decoded chunk.
   */
  public long[] lastCacheBytes() {
    return new long[] {
      Float.BYTES * engine.promptCacheFloats(), Float.BYTES * engine.sampleCacheFloats()
    };
  }

  /**
   * Decode-step tokens of the shared-prefix path so far: {@code [chosen from the step graph's top
   * candidates, chosen from the full logits because the candidates could not decide exactly]}.
   */
  public long[] decodeChoices() {
    return new long[] {engine.candidateChoices(), engine.fullChoices()};
  }

  /**
   * Renders every prompt of generation and scoring (and so of every verifier's judging prompt)
   * through the model's chat template ({@link ChatTemplate}) from now on.
   *
   * @throws ModelLoadException when the directory's tokenizer_config.json has no chat template
   */
  public void useChatTemplate() {
    engine.useChatTemplate(ChatTemplate.read(directory));
  }

  /** The text the model reads for {@code prompt}: itself, or its chat-template rendering. */
  public String promptText(String prompt) {
    return engine.promptText(prompt);
  }

  /** The generation engine (tests read its cache sizes). */
  GenerationEngine engine() {
    return engine;
  }

  /**
   * Lanes the shared-prefix decode runs on (step sessions decoding their own rows side by side;
   * {@link DecodeLanes}); 0 on the generic path.
   */
  public int decodeLanes() {
    return stepSessions.size();
  }

  /** Whether generation uses the shared-prefix step rebuilt from a gvgap model's weights. */
  public boolean sharedPrefix() {
    return !stepSessions.isEmpty();
  }

  /** The samples with their token ids, one per (request, sample index), in no particular order. */
  public List<SampleResult> generateSamples(
      List<GenerationRequest> requests, SamplingParams params) {
    try {
      return engine.generate(requests, params);
    } catch (OrtException e) {
      throw new IllegalStateException(
          modelFile + ": ONNX Runtime failed during generation: " + e.getMessage(), e);
    } catch (NonFiniteLogitsException e) {
      throw new IllegalStateException(
          modelFile + ": the model computed logits that are not numbers (" + e.getMessage()
              + "), so no token can be chosen: its weights are damaged (a corrupt or partly written file, or a training"
              + " run that diverged); restore the model from where it came from or train it again",
          e);
    }
  }

  @Override
  public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
    Map<String, List<Completion>> byId = new LinkedHashMap<>();
    requests.forEach(request -> byId.put(request.id(), new ArrayList<>()));
    for (SampleResult sample : generateSamples(requests, params)) {
      byId.get(sample.requestId()).add(sample.toCompletion());
    }
    List<Generation> generations = new ArrayList<>();
    byId.forEach((id, completions) -> {
      completions.sort(Comparator.comparingInt(Completion::sampleIndex));
      generations.add(new Generation(id, completions));
    });
    return generations;
  }

  @Override
  public List<ScoringResult> score(List<ScoringRequest> requests) {
    try {
      return scorer.score(requests);
    } catch (OrtException e) {
      throw new IllegalStateException(
          modelFile + ": ONNX Runtime failed during scoring: " + e.getMessage(), e);
    }
  }

  @Override
  public ModelInfo info() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("backend", "onnx");
    properties.put("modelFile", directory.relativize(modelFile).toString());
    properties.put("device", device);
    if (checkpoint != null) {
      properties.put("importedFrom", checkpoint.toString());
    }
    properties.put("layers", Integer.toString(signature.layers()));
    properties.put("kvHeads", Integer.toString(signature.kvHeads()));
    properties.put("headDim", Integer.toString(signature.headDim()));
    return new ModelInfo(
        (checkpoint != null ? checkpoint : directory).getFileName().toString(),
        config.parameters(),
        config.contextLength(),
        properties);
  }

  /** The decoder interface read from the session. */
  public DecoderSignature signature() {
    return signature;
  }

  /** The model's tokenizer. */
  public TextTokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public void close() {
    tokenizer.close();
    engine.close();
    closeQuietly(session);
    stepSessions.forEach(OnnxLanguageModel::closeQuietly);
    if (temporaryCopy != null) {
      try (Stream<Path> files = Files.walk(temporaryCopy)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is all that can go wrong here
      }
      temporaryCopy = null;
    }
  }

  /** Closes a session (null: nothing), ignoring what ONNX Runtime reports. */
  static void closeQuietly(OrtSession session) {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (OrtException e) {
      // nothing left to release that the caller could act on
    }
  }
}
