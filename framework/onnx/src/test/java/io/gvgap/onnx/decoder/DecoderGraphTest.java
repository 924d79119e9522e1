package io.gvgap.onnx.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX decoder against {@link ReferenceDecoder}. Tolerance: the graph computes in float32
 * (relative rounding 6e-8 per operation); a logit passes through 2 layers of sums over at most 48
 * terms, LayerNorms and a softmax, so its error stays far below 1e-6 relative to the logit scale
 * (here |logit| up to ~10); 1e-4 absolute leaves room for differing summation order and still
 * catches any wrong weight, transpose, mask or bias (those change logits by > 1e-2).
 */
public class DecoderGraphTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  private static final double TOLERANCE = 1e-4;

  @TempDir
  Path dir;

  /** Random GPT-2 init, then every value (LayerNorms and biases too) perturbed so each one matters. */
  public static Map<String, float[]> perturbedParameters(DecoderConfig config, long seed) {
    Map<String, float[]> parameters = DecoderParameters.random(config, seed);
    SplittableRandom random = new SplittableRandom(seed + 1);
    for (float[] values : parameters.values()) {
      for (int i = 0; i < values.length; i++) {
        values[i] += (float) (random.nextGaussian() * 0.3);
      }
    }
    return parameters;
  }

  private OrtSession open(DecoderConfig config, Map<String, float[]> parameters) throws Exception {
    ModelDirectory.write(dir, config, CharVocabulary.printableAscii(), parameters, ModelCard.EMPTY);
    return ENV.createSession(
        dir.resolve(ModelDirectory.MODEL_FILE).toString(), new OrtSession.SessionOptions());
  }

  /** Runs one step; returns logits [batch][seq][vocab] and leaves the presents in {@code kv}. */
  private static float[][][] step(
      OrtSession session,
      DecoderConfig config,
      long[][] ids,
      long[][] mask,
      long[][] positions,
      Map<String, OnnxTensor> kv)
      throws Exception {
    Map<String, OnnxTensor> inputs = new HashMap<>();
    inputs.put("input_ids", OnnxTensor.createTensor(ENV, ids));
    inputs.put("attention_mask", OnnxTensor.createTensor(ENV, mask));
    inputs.put("position_ids", OnnxTensor.createTensor(ENV, positions));
    for (int i = 0; i < config.layers(); i++) {
      for (String kind : new String[] {"key", "value"}) {
        OnnxTensor past = kv.get("present." + i + "." + kind);
        inputs.put(
            "past_key_values." + i + "." + kind,
            past != null
                ? past
                : OnnxTensor.createTensor(ENV, FloatBuffer.allocate(0), new long[] {
                  ids.length, config.heads(), 0, config.headDim()
                }));
      }
    }
    OrtSession.Result result = session.run(inputs);
    float[][][] logits = (float[][][]) result.get("logits").orElseThrow().getValue();
    kv.clear();
    for (Map.Entry<String, OnnxValue> output : result) {
      if (output.getKey().startsWith("present.")) {
        kv.put(output.getKey(), (OnnxTensor) output.getValue());
      }
    }
    return logits;
  }

  private static long[][] rows(long[]... rows) {
    return rows;
  }

  private static long[] range(long from, int count) {
    long[] values = new long[count];
    for (int i = 0; i < count; i++) {
      values[i] = from + i;
    }
    return values;
  }

  private static long[] ones(int count) {
    long[] values = new long[count];
    java.util.Arrays.fill(values, 1);
    return values;
  }

  private static void assertClose(float[] actual, double[] expected, double tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int v = 0; v < expected.length; v++) {
      assertThat(Math.abs(actual[v] - expected[v]))
          .as("logit %d: %s vs %s", v, actual[v], expected[v])
          .isLessThanOrEqualTo(tolerance);
    }
  }

  @Test
  void fullSequenceLogitsMatchTheJavaReferenceTiedAndUntied() throws Exception {
    for (boolean tied : new boolean[] {true, false}) {
      DecoderConfig config = new DecoderConfig(98, 32, 2, 16, 4, 48, tied, 1e-5f);
      Map<String, float[]> parameters = perturbedParameters(config, tied ? 7 : 8);
      int[] tokens = {5, 17, 0, 97, 3, 3, 40, 61, 2, 88};
      double[][] expected = new ReferenceDecoder(config, parameters).logits(tokens);
      try (OrtSession session = open(config, parameters)) {
        long[] ids = java.util.Arrays.stream(tokens).asLongStream().toArray();
        float[][][] logits =
            step(session, config, rows(ids), rows(ones(10)), rows(range(0, 10)), new HashMap<>());
        for (int t = 0; t < tokens.length; t++) {
          assertClose(logits[0][t], expected[t], TOLERANCE);
        }
      }
    }
  }

  @Test
  void incrementalDecodingWithTheKvCacheEqualsFullRecompute() throws Exception {
    DecoderConfig config = new DecoderConfig(98, 32, 2, 16, 4, 48, true, 1e-5f);
    Map<String, float[]> parameters = perturbedParameters(config, 11);
    long[] ids = {9, 4, 77, 31, 31, 2, 60, 14};
    try (OrtSession session = open(config, parameters)) {
      float[][][] full =
          step(session, config, rows(ids), rows(ones(8)), rows(range(0, 8)), new HashMap<>());
      Map<String, OnnxTensor> kv = new HashMap<>();
      // prefill 3 tokens, then one token at a time against the growing cache
      float[][][] prefill = step(
          session,
          config,
          rows(java.util.Arrays.copyOf(ids, 3)),
          rows(ones(3)),
          rows(range(0, 3)),
          kv);
      for (int t = 0; t < 3; t++) {
        assertClose(prefill[0][t], toDouble(full[0][t]), 1e-5);
      }
      for (int t = 3; t < ids.length; t++) {
        float[][][] one = step(
            session,
            config,
            rows(new long[] {ids[t]}),
            rows(ones(t + 1)),
            rows(new long[] {t}),
            kv);
        assertThat(kv.get("present.1.key").getInfo().getShape()).containsExactly(1, 4, t + 1, 4);
        assertClose(one[0][0], toDouble(full[0][t]), 1e-5);
      }
    }
  }

  @Test
  void leftPaddedRowsGiveTheLogitsOfTheirUnpaddedSequence() throws Exception {
    DecoderConfig config = new DecoderConfig(98, 32, 2, 16, 4, 48, true, 1e-5f);
    Map<String, float[]> parameters = perturbedParameters(config, 12);
    ReferenceDecoder reference = new ReferenceDecoder(config, parameters);
    try (OrtSession session = open(config, parameters)) {
      // row 0: three padding slots, then 4 tokens; row 1: 7 tokens
      long[][] ids =
          rows(new long[] {0, 0, 0, 12, 13, 14, 15}, new long[] {20, 21, 22, 23, 24, 25, 26});
      long[][] mask = rows(new long[] {0, 0, 0, 1, 1, 1, 1}, ones(7));
      long[][] positions = rows(new long[] {0, 0, 0, 0, 1, 2, 3}, range(0, 7));
      Map<String, OnnxTensor> kv = new HashMap<>();
      float[][][] logits = step(session, config, ids, mask, positions, kv);
      double[][] short0 = reference.logits(new int[] {12, 13, 14, 15});
      for (int t = 0; t < 4; t++) {
        assertClose(logits[0][3 + t], short0[t], TOLERANCE);
      }
      // one decode step for both rows: the padded row continues at position 4, the other at 7
      float[][][] next = step(
          session,
          config,
          rows(new long[] {16}, new long[] {27}),
          rows(new long[] {0, 0, 0, 1, 1, 1, 1, 1}, ones(8)),
          rows(new long[] {4}, new long[] {7}),
          kv);
      assertClose(next[0][0], reference.logits(new int[] {12, 13, 14, 15, 16})[4], TOLERANCE);
      assertClose(
          next[1][0], reference.logits(new int[] {20, 21, 22, 23, 24, 25, 26, 27})[7], TOLERANCE);
    }
  }

  @Test
  void parametersReadBackFromTheWrittenModelAreTheOnesWritten() throws Exception {
    DecoderConfig config = new DecoderConfig(98, 16, 1, 8, 2, 16, false, 1e-5f);
    Map<String, float[]> parameters = perturbedParameters(config, 3);
    ModelDirectory.write(
        dir, config, CharVocabulary.printableAscii(), parameters, ModelCard.ofRecipe("x"));
    assertThat(ModelDirectory.readConfig(dir)).isEqualTo(config);
    Map<String, float[]> read = ModelDirectory.readParameters(dir);
    assertThat(read.keySet())
        .containsExactlyElementsOf(DecoderParameters.shapes(config).keySet());
    parameters.forEach(
        (name, values) -> assertThat(read.get(name)).as(name).containsExactly(values));
  }

  @Test
  void theModelCardIsOneRecordWithNumbersAsJsonNumbers() throws Exception {
    DecoderConfig config = new DecoderConfig(98, 16, 1, 8, 2, 16, false, 1e-5f);
    ModelCard written = ModelCard.ofRecipe("x")
        .withTraining(1200, 6.0 * DecoderParameters.count(config) * 1200, 3, 0.25, "options");
    ModelDirectory.write(
        dir, config, CharVocabulary.printableAscii(), perturbedParameters(config, 3), written);
    ModelCard read = ModelDirectory.readCard(dir);
    assertThat(read.steps()).isEqualTo(3L);
    assertThat(read.finalLoss()).isEqualTo(0.25);
    assertThat(read.parameters()).isEqualTo(DecoderParameters.count(config));
    assertThat(read.layers()).isEqualTo(1);
    assertThat(read.recipe()).isEqualTo("x");
    // Numbers are JSON numbers, not text, and what a card does not record is left out.
    String json = java.nio.file.Files.readString(dir.resolve(ModelDirectory.MODEL_CARD_FILE));
    assertThat(json)
        .contains("\"steps\" : 3")
        .contains("\"finalLoss\" : 0.25")
        .doesNotContain("heldOutAccuracy");
  }

  /**
   * Performance: the presents and logits are written by the Concat and MatMul themselves. An
   * Identity into a renamed output makes ONNX Runtime copy the whole KV cache again on every decode
   * step (it was a third of a small model's decode time).
   */
  @Test
  void presentsAndLogitsComeStraightFromTheirOperatorsWithoutIdentityCopies() {
    DecoderConfig config = new DecoderConfig(98, 16, 2, 8, 2, 16, true, 1e-5f);
    var graph = DecoderGraph.build(config, DecoderParameters.random(config, 1));
    assertThat(graph.nodes()).noneMatch(node -> node.opType().equals("Identity"));
    Map<String, String> producers = new HashMap<>();
    graph
        .nodes()
        .forEach(node -> node.outputs().forEach(output -> producers.put(output, node.opType())));
    assertThat(producers)
        .containsEntry("logits", "MatMul")
        .containsEntry("present.0.key", "Concat")
        .containsEntry("present.1.value", "Concat");
  }

  /**
   * The written graph uses standard operators only (any ONNX runtime runs model.onnx); the graph
   * gvgap rebuilds at load time fuses the MLP's GELU and bias into ONNX Runtime's FastGelu (a
   * tenth of the prefill's time was the unfused GELU's nine element-wise operators).
   */
  @Test
  void onlyTheRuntimeGraphUsesTheFusedGelu() {
    DecoderConfig config = new DecoderConfig(98, 16, 2, 8, 2, 16, true, 1e-5f);
    var parameters = DecoderParameters.random(config, 1);
    var written = DecoderGraph.build(config, parameters);
    var runtime = DecoderGraph.build(config, parameters, true);
    assertThat(written.nodes()).allMatch(node -> node.domain().isEmpty());
    assertThat(written.nodes()).anyMatch(node -> node.opType().equals("Tanh"));
    assertThat(runtime.nodes().stream().filter(node -> node.opType().equals("FastGelu")))
        .hasSize(config.layers())
        .allMatch(node -> node.domain().equals("com.microsoft"));
    assertThat(runtime.nodes()).noneMatch(node -> node.opType().equals("Tanh"));
  }

  /**
   * The step graph holds no initializer it does not read (ONNX Runtime warns about each one when
   * it loads the graph: the split q/k/v biases once sat beside the fused one).
   */
  @Test
  void theStepGraphHasNoUnusedInitializers() {
    DecoderConfig config = new DecoderConfig(98, 16, 2, 8, 2, 16, true, 1e-5f);
    var graph = SharedPrefixStepGraph.build(config, DecoderParameters.random(config, 1));
    java.util.Set<String> read = new java.util.HashSet<>();
    graph.nodes().forEach(node -> read.addAll(node.inputs()));
    assertThat(graph.initializers())
        .allSatisfy(initializer -> assertThat(read).contains(initializer.name()));
  }

  @Test
  void parameterCountIsTheSumOfTheShapes() {
    // by hand, vocab 98, context 16, width 8, mlp 16, 1 layer, untied:
    // wte 784 + wpe 128 + ln 4*8 + c_attn 8*24+24 + attn c_proj 64+8 + c_fc 8*16+16 + mlp c_proj
    // 16*8+8
    // + ln_f 16 + lm_head 784 = 784+128+32+216+72+144+136+16+784 = 2312
    assertThat(DecoderParameters.count(new DecoderConfig(98, 16, 1, 8, 2, 16, false, 1e-5f)))
        .isEqualTo(2312);
  }

  @Test
  void wrongParameterMapsAreRejectedByName() {
    DecoderConfig config = new DecoderConfig(98, 16, 1, 8, 2, 16, true, 1e-5f);
    Map<String, float[]> parameters = new LinkedHashMap<>(DecoderParameters.random(config, 1));
    parameters.put("lm_head.weight", new float[98 * 8]);
    assertThatThrownBy(() -> DecoderGraph.build(config, parameters))
        .hasMessageContaining("unknown parameter 'lm_head.weight'");
    parameters.remove("lm_head.weight");
    parameters.put("transformer.h.0.mlp.c_fc.bias", new float[3]);
    assertThatThrownBy(() -> DecoderGraph.build(config, parameters))
        .hasMessageContaining("transformer.h.0.mlp.c_fc.bias")
        .hasMessageContaining("needs 16");
  }

  @Test
  void randomInitialisationIsSeeded() {
    DecoderConfig config = new DecoderConfig(98, 16, 1, 8, 2, 16, true, 1e-5f);
    assertThat(DecoderParameters.random(config, 5).get("transformer.wte.weight"))
        .containsExactly(DecoderParameters.random(config, 5).get("transformer.wte.weight"));
    assertThat(DecoderParameters.random(config, 5).get("transformer.wte.weight"))
        .isNotEqualTo(DecoderParameters.random(config, 6).get("transformer.wte.weight"));
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
