package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderGraph;
import io.gvgap.onnx.decoder.DecoderGraphTest;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.decoder.SharedPrefixStepGraph;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.ModelSerializer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared-prefix decode (prompt cache once per prompt, per-sample cache written in place, step
 * graph rebuilt from the weights) against the generic graph that recomputes every sequence.
 */
class SharedPrefixDecodeTest {
  static final DecoderConfig CONFIG = OnnxLanguageModelTest.CONFIG;

  @TempDir
  static Path dir;

  static Map<String, float[]> parameters;
  static Path model;

  @BeforeAll
  static void writeModel() throws Exception {
    parameters = DecoderGraphTest.perturbedParameters(CONFIG, 21);
    model = dir.resolve("tiny");
    ModelDirectory.write(
        model, CONFIG, OnnxLanguageModelTest.VOCABULARY, parameters, ModelCard.EMPTY);
    Files.writeString(model.resolve("generation_config.json"), "{\"eos_token_id\": []}");
  }

  static OrtSession session(Graph graph) throws Exception {
    return OrtEnvironment.getEnvironment()
        .createSession(
            ModelSerializer.toModel(graph, Map.of()).toByteArray(), OrtSessions.options(1, "cpu"));
  }

  /** The generic graph's last-position logits for one unpadded sequence, recomputed from scratch. */
  static float[] lastLogits(DecoderRunner generic, long[] tokens) throws Exception {
    LongBuffer ids = generic.inputIds(1, tokens.length);
    LongBuffer mask = generic.attentionMask(1, tokens.length);
    LongBuffer positions = generic.positionIds(1, tokens.length);
    for (int t = 0; t < tokens.length; t++) {
      ids.put(tokens[t]);
      mask.put(1);
      positions.put(t);
    }
    float[] last = new float[CONFIG.vocabSize()];
    try (DecoderRunner.Step step =
        generic.run(1, tokens.length, tokens.length, null, null, false)) {
      step.logits().get((tokens.length - 1) * CONFIG.vocabSize(), last);
    }
    return last;
  }

  @Test
  void stepLogitsEqualTheGenericGraphsForSeveralStepsSamplesAndPaddedPrompts() throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    int vocab = CONFIG.vocabSize();
    int layers = CONFIG.layers();
    int heads = CONFIG.heads();
    int headDim = CONFIG.headDim();
    try (OrtSession genericSession = session(DecoderGraph.build(CONFIG, parameters));
        OrtSession stepSession = session(SharedPrefixStepGraph.build(CONFIG, parameters))) {
      DecoderRunner generic = new DecoderRunner(
          env, genericSession, DecoderSignature.inspect(genericSession, Path.of("g")), vocab);
      long[][] prompts = {{5, 17, 0, 97, 3}, {40, 61, 2}};
      int length = 5;
      int perPrompt = 3;
      int rows = prompts.length * perPrompt;
      int steps = 4;
      // prefill both prompts, left-padded, into the prompt cache
      LongBuffer ids = generic.inputIds(2, length);
      LongBuffer mask = generic.attentionMask(2, length);
      LongBuffer positions = generic.positionIds(2, length);
      for (long[] prompt : prompts) {
        int pad = length - prompt.length;
        for (int t = 0; t < length; t++) {
          ids.put(t < pad ? 0 : prompt[t - pad]);
          mask.put(t < pad ? 0 : 1);
          positions.put(t < pad ? 0 : t - pad);
        }
      }
      List<FloatBuffer> promptCache = new ArrayList<>();
      for (int i = 0; i < 2 * layers; i++) {
        promptCache.add(DirectBuffers.allocateFloats(2L * heads * length * headDim));
      }
      generic.run(2, length, length, null, promptCache, false).close();
      SharedPrefixRunner shared = new SharedPrefixRunner(
          env,
          stepSession,
          layers,
          heads,
          headDim,
          vocab,
          SharedPrefixStepGraph.candidates(vocab),
          0);
      shared.prepare(rows, steps);
      FloatBuffer bias = shared.promptBias(2, length);
      for (int g = 0; g < 2; g++) {
        for (int t = 0; t < length; t++) {
          bias.put(g * length + t, t < length - prompts[g].length ? DecoderGraph.MASKED : 0f);
        }
      }
      SplittableRandom random = new SplittableRandom(3);
      long[][] sequences = new long[rows][];
      for (int r = 0; r < rows; r++) {
        sequences[r] = prompts[r / perPrompt].clone();
      }
      for (int step = 0; step < steps; step++) {
        LongBuffer stepIds = shared.inputIds(rows);
        LongBuffer stepPositions = shared.positionIds(rows);
        for (int r = 0; r < rows; r++) {
          long token = random.nextInt(vocab);
          sequences[r] = Arrays.copyOf(sequences[r], sequences[r].length + 1);
          sequences[r][sequences[r].length - 1] = token;
          stepIds.put(r, token);
          stepPositions.put(r, sequences[r].length - 1);
        }
        shared.step(rows, 2, length, promptCache, step, 1f / 0.7f, (float) (0.1 / vocab));
        FloatBuffer logits = shared.logits(rows);
        for (int r = 0; r < rows; r++) {
          float[] expected = lastLogits(generic, sequences[r]);
          double max = Double.NEGATIVE_INFINITY;
          for (int v = 0; v < vocab; v++) {
            assertThat(logits.get(r * vocab + v))
                .as("step %d row %d id %d", step, r, v)
                .isCloseTo(expected[v], within(1e-4f));
            max = Math.max(max, expected[v]);
          }
          double sum = 0;
          double tempered = 0;
          for (int v = 0; v < vocab; v++) {
            sum += Math.exp(expected[v] - max);
            tempered += Math.exp((expected[v] - max) / 0.7);
          }
          double nucleus = 0;
          for (int v = 0; v < vocab; v++) {
            double w = Math.exp((expected[v] - max) / 0.7);
            nucleus += w >= 0.1 / vocab * tempered ? w : 0;
          }
          assertThat(shared.logNormalizers(rows).get(r))
              .isCloseTo((float) (max + Math.log(sum)), within(1e-4f));
          assertThat((double) shared.nucleusMasses(rows).get(r))
              .isCloseTo(nucleus, within(1e-4 * nucleus));
          // the candidates are the largest logits, largest first
          float[] sorted = expected.clone();
          Arrays.sort(sorted);
          for (int c = 0; c < shared.candidates(); c++) {
            float value = shared.topLogits(rows).get(r * shared.candidates() + c);
            assertThat(value).isCloseTo(sorted[vocab - 1 - c], within(1e-4f));
            int id = (int) shared.topIds(rows).get(r * shared.candidates() + c);
            assertThat(value).isEqualTo(logits.get(r * vocab + id));
          }
        }
      }
    }
  }

  @Test
  void prefillLastPositionLogitsEqualTheAllPositionPathsLastRow() throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    int vocab = CONFIG.vocabSize();
    try (OrtSession all = session(DecoderGraph.build(CONFIG, parameters));
        OrtSession last = session(DecoderGraph.build(CONFIG, parameters, true))) {
      DecoderRunner allRunner =
          new DecoderRunner(env, all, DecoderSignature.inspect(all, Path.of("a")), vocab);
      DecoderRunner lastRunner =
          new DecoderRunner(env, last, DecoderSignature.inspect(last, Path.of("l")), vocab);
      assertThat(allRunner.lastPositionLogits()).isFalse();
      assertThat(lastRunner.lastPositionLogits()).isTrue();
      long[][] batch = {{0, 0, 9, 8, 7, 6}, {1, 2, 3, 4, 5, 6}};
      float[][] results = new float[2][];
      for (int which = 0; which < 2; which++) {
        DecoderRunner runner = which == 0 ? allRunner : lastRunner;
        LongBuffer ids = runner.inputIds(2, 6);
        LongBuffer mask = runner.attentionMask(2, 6);
        LongBuffer positions = runner.positionIds(2, 6);
        for (int r = 0; r < 2; r++) {
          int pad = r == 0 ? 2 : 0;
          for (int t = 0; t < 6; t++) {
            ids.put(batch[r][t]);
            mask.put(t < pad ? 0 : 1);
            positions.put(t < pad ? 0 : t - pad);
          }
        }
        try (DecoderRunner.Step step = runner.run(2, 6, 6, null, null, false, which == 1)) {
          FloatBuffer logits = step.logits();
          assertThat(logits.limit()).isEqualTo(2 * (which == 0 ? 6 : 1) * vocab);
          results[which] = new float[2 * vocab];
          for (int r = 0; r < 2; r++) {
            int row = which == 0 ? r * 6 + 5 : r;
            logits.get(row * vocab, results[which], r * vocab, vocab);
          }
        }
      }
      for (int i = 0; i < results[0].length; i++) {
        assertThat(results[1][i]).isCloseTo(results[0][i], within(1e-5f));
      }
    }
  }

  static List<GenerationRequest> requests(int samples) {
    return List.of(
        new GenerationRequest("a", "12 * 7 = 84\n3 * 4 =", 0, samples, List.of()),
        new GenerationRequest("b", "hello", 0, samples, List.of()),
        new GenerationRequest("c", "The answer is", 0, samples + 1, List.of()));
  }

  static Map<String, String> tokens(
      Path directory,
      int rows,
      int threads,
      boolean sharedPrefix,
      List<GenerationRequest> requests,
      SamplingParams params) {
    try (OnnxLanguageModel opened =
        OnnxLanguageModel.open(directory, threads, "cpu", rows, sharedPrefix)) {
      assertThat(opened.sharedPrefix()).isEqualTo(sharedPrefix);
      Map<String, String> out = new TreeMap<>();
      for (SampleResult sample : opened.generateSamples(requests, params)) {
        out.put(
            sample.requestId() + "#" + sample.sampleIndex(),
            Arrays.toString(sample.tokenIds()) + " " + sample.finishReason());
      }
      return out;
    }
  }

  @Test
  void greedyAndSampledTokensEqualTheGenericPaths() {
    for (SamplingParams params : List.of(
        SamplingParams.greedy(14),
        new SamplingParams(0.7, 0.9, 0, 14, 7),
        new SamplingParams(1.0, 0.95, 20, 14, 11),
        new SamplingParams(1.3, 1.0, 0, 14, 5),
        // up to the context (48): "hello" writes 43 positions, past the growth of the cache's read
        // stride from one block (32) to 43; rows of the longer prompts stop first, so rows move
        // after the layout grew
        SamplingParams.greedy(60),
        new SamplingParams(0.7, 0.9, 0, 60, 3))) {
      assertThat(tokens(model, 64, 1, true, requests(4), params))
          .as("%s", params)
          .isEqualTo(tokens(model, 64, 1, false, requests(4), params));
    }
  }

  @Test
  void theBackendsDecodeOptionChoosesThePath() {
    var backend = new io.gvgap.onnx.OnnxBackend();
    for (String decode : List.of("auto", "generic")) {
      try (OnnxLanguageModel opened = (OnnxLanguageModel)
          backend.create(new io.gvgap.onnx.OnnxBackend.Options(model, 1, "cpu", 8, decode))) {
        assertThat(opened.sharedPrefix()).as(decode).isEqualTo(decode.equals("auto"));
      }
    }
  }

  @Test
  void sampledTokensForASeedDoNotDependOnBatchSizeOrThreads() {
    SamplingParams params = new SamplingParams(0.8, 0.9, 0, 12, 42);
    Map<String, String> reference = tokens(model, 64, 1, true, requests(5), params);
    assertThat(reference).hasSize(16);
    assertThat(tokens(model, 1, 1, true, requests(5), params)).isEqualTo(reference);
    assertThat(tokens(model, 5, 2, true, requests(5), params)).isEqualTo(reference);
    assertThat(tokens(model, 7, 2, true, requests(5), params)).isEqualTo(reference);
  }

  @Test
  void sampledTokensForASeedDoNotDependOnTheDecodeLanes() {
    SamplingParams params = new SamplingParams(0.8, 0.9, 0, 12, 42);
    Map<String, String> reference = tokens(model, 64, 1, true, requests(5), params);
    // lanes x rows per call: whole prompts per lane, prompts split over lanes (5 and 7 rows for
    // prompts of 5 and 6 samples), more chunks than lanes, and more lanes than threads
    int[][] cases = {{2, 64}, {3, 64}, {2, 7}, {3, 5}, {4, 3}};
    for (int[] lanesAndRows : cases) {
      System.setProperty(DecodeLanes.PROPERTY, String.valueOf(lanesAndRows[0]));
      try {
        try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, 2, "cpu", 8, true)) {
          assertThat(opened.decodeLanes()).isEqualTo(lanesAndRows[0]);
        }
        assertThat(tokens(model, lanesAndRows[1], 2, true, requests(5), params))
            .as("%d lanes, %d rows", lanesAndRows[0], lanesAndRows[1])
            .isEqualTo(reference);
      } finally {
        System.clearProperty(DecodeLanes.PROPERTY);
      }
    }
  }

  @Test
  void aSmallModelDecodesOnOneLanePerThreadAndTheGenericPathOnNone() {
    for (int threads : new int[] {1, 2, 3}) {
      try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, threads, "cpu", 8, true)) {
        assertThat(opened.decodeLanes()).isEqualTo(threads);
      }
    }
    try (OnnxLanguageModel generic = OnnxLanguageModel.open(model, 2, "cpu", 8, false)) {
      assertThat(generic.decodeLanes()).isZero();
    }
  }

  @Test
  void promptCacheMemoryIsOneCopyPerPromptWhateverTheSamples() {
    long[] promptFloats = new long[2];
    long[] sampleFloats = new long[2];
    int[] samples = {2, 40};
    String prompt = "12 * 7 = 84\n3 * 4 =";
    for (int i = 0; i < 2; i++) {
      try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, 1, "cpu", 64, true)) {
        opened.generateSamples(
            List.of(new GenerationRequest("a", prompt, 0, samples[i], List.of())),
            SamplingParams.greedy(6));
        promptFloats[i] = opened.engine().promptCacheFloats();
        sampleFloats[i] = opened.engine().sampleCacheFloats();
      }
    }
    long oneCopy = 2L * CONFIG.layers() * CONFIG.heads() * prompt.length() * CONFIG.headDim();
    assertThat(promptFloats).containsExactly(oneCopy, oneCopy);
    // each sample's own cache holds its 5 generated positions before the last token
    assertThat(sampleFloats[0])
        .isEqualTo(2L * CONFIG.layers() * 2 * CONFIG.heads() * 5 * CONFIG.headDim());
    assertThat(sampleFloats[1]).isEqualTo(20 * sampleFloats[0]);
  }
}
