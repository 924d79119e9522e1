package io.gvgap.onnx.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.checkpoint.TensorType;
import io.gvgap.onnx.runtime.BoundedProcess;
import io.gvgap.onnx.runtime.LastLogits;
import io.gvgap.onnx.runtime.ModelLoadException;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.onnx.runtime.SampleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Imports random-weight checkpoints of every supported architecture (written in the Hugging Face
 * layout: BF16, F16 and F32; single-file and sharded) and checks the imported ONNX decoder against
 * {@code crosscheck/hf-reference.mjs}, an independent float64 implementation of the architectures
 * in plain JavaScript that reads the same checkpoint: the logits of 3 prompts at every position's
 * last, and gvgap's greedy generation (batched prompts of different lengths: left padding, the KV
 * cache, position ids) token for token. Needs node (which {@code .ci/run} has); without it the
 * comparison is skipped on a developer machine and fails under {@code CI=true}.
 */
@Tag("process")
class CheckpointImportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({
    "llama, BF16, 1000000000",
    "qwen2, F32, 20000",
    "mistral, F16, 1000000000",
    "phi3, BF16, 30000",
    "gemma2, BF16, 1000000000",
    "gpt2, F32, 1000000000"
  })
  void importedDecodersMatchTheIndependentReference(String type, TensorType dtype, long shard)
      throws Exception {
    Path node = nodeOrSkip();
    Path checkpoint = RandomCheckpoints.write(dir.resolve("hf"), type, dtype, shard, 17);
    if (shard < 100000) {
      assertThat(checkpoint.resolve("model.safetensors.index.json")).exists();
    }
    Path model = dir.resolve("imported");
    ArchitectureConfig config = CheckpointImporter.importCheckpoint(checkpoint, model);
    assertThat(config.modelType()).isEqualTo(type);
    assertThat(model.resolve("model.onnx")).exists();
    assertThat(Files.readString(model.resolve(CheckpointImporter.IMPORT_FILE)))
        .contains("\"model_type\" : \"" + type + "\"");

    List<String> prompts = List.of(
        "Q: 12 + 7 = ?\nA:", "hello there, how are you doing today", "x", "The quick brown fox");
    Map<String, long[]> generated = new HashMap<>();
    List<long[]> promptIds = new ArrayList<>();
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, 1, "cpu", 16)) {
      assertThat(opened.sharedPrefix())
          .as("imported models decode with the shared-prefix step")
          .isTrue();
      List<GenerationRequest> requests = new ArrayList<>();
      for (int i = 0; i < prompts.size(); i++) {
        requests.add(new GenerationRequest("p" + i, prompts.get(i), 0, 1, List.of()));
        promptIds.add(opened.tokenizer().encode(prompts.get(i), true));
      }
      for (SampleResult sample : opened.generateSamples(requests, SamplingParams.greedy(20))) {
        generated.put(sample.requestId(), sample.tokenIds());
      }
    }
    // the generic path (the written graph, Concat caches) generates the same tokens as the
    // shared-prefix step rebuilt from the description
    try (OnnxLanguageModel genericPath = OnnxLanguageModel.open(model, 1, "cpu", 16, false)) {
      List<GenerationRequest> requests = new ArrayList<>();
      for (int i = 0; i < prompts.size(); i++) {
        requests.add(new GenerationRequest("p" + i, prompts.get(i), 0, 1, List.of()));
      }
      for (SampleResult sample : genericPath.generateSamples(requests, SamplingParams.greedy(20))) {
        assertThat(sample.tokenIds())
            .as("%s %s: generic path against shared-prefix step", type, sample.requestId())
            .containsExactly(generated.get(sample.requestId()));
      }
    }
    // sampled: several samples of each prompt (one prompt cache read by all, query groups of
    // grouped-query attention) draw the same tokens on both paths
    List<GenerationRequest> sampled = List.of(
        new GenerationRequest("a", prompts.get(0), 0, 5, List.of()),
        new GenerationRequest("b", prompts.get(1), 0, 3, List.of()));
    SamplingParams temperature = new SamplingParams(1.0, 0.95, 0, 16, 11);
    List<List<Long>> fast = new ArrayList<>();
    List<List<Long>> slow = new ArrayList<>();
    try (OnnxLanguageModel shared = OnnxLanguageModel.open(model, 1, "cpu", 16);
        OnnxLanguageModel genericPath = OnnxLanguageModel.open(model, 1, "cpu", 16, false)) {
      shared.generateSamples(sampled, temperature).forEach(r -> fast.add(boxed(r.tokenIds())));
      genericPath.generateSamples(sampled, temperature).forEach(r -> slow.add(boxed(r.tokenIds())));
    }
    assertThat(fast).hasSize(8).isEqualTo(slow);
    assertThat(new java.util.HashSet<>(fast)).as("samples differ").hasSizeGreaterThan(2);
    JsonNode reference = reference(node, checkpoint, promptIds, 20);
    // logits of each prompt's last position, from a session on the written model.onnx
    double worst = 0;
    try (OrtSession session = ENV.createSession(model.resolve("model.onnx").toString())) {
      for (int i = 0; i < promptIds.size(); i++) {
        float[] logits = LastLogits.of(session, promptIds.get(i));
        JsonNode expected = reference.path("logits").get(i);
        assertThat(logits).hasSize(expected.size());
        for (int v = 0; v < logits.length; v++) {
          double want = expected.get(v).asDouble();
          worst = Math.max(worst, Math.abs(logits[v] - want) / Math.max(1, Math.abs(want)));
        }
      }
    }
    assertThat(worst).as("%s: largest relative logit difference", type).isLessThan(1e-4);
    double smallestMargin = Double.MAX_VALUE;
    for (JsonNode margin : reference.path("margins")) {
      smallestMargin = Math.min(smallestMargin, margin.asDouble());
    }
    for (int i = 0; i < prompts.size(); i++) {
      long[] ids = generated.get("p" + i);
      JsonNode want = reference.path("greedy").get(i);
      for (int t = 0; t < ids.length; t++) {
        assertThat(ids[t])
            .as("%s prompt %d token %d (smallest top-two margin %.4f)", type, i, t, smallestMargin)
            .isEqualTo(want.get(t).asLong());
      }
      if (ids.length < 20) {
        assertThat(ids[ids.length - 1]).as("stopped early only at the end id").isZero();
      }
    }
    System.out.printf(
        "%s %s: max relative logit difference %.2e, smallest greedy margin %.4f%n",
        type, dtype, worst, smallestMargin);
  }

  /**
   * Imports at fp16, int8 and int4: the file shrinks, both decode paths still agree token for
   * token, and the logits stay near fp32's (the accuracy cost, printed: largest logit difference
   * relative to the largest logit, and greedy agreement with fp32 over 4 prompts of 20 tokens;
   * an F32 checkpoint, so that fp16 rounds).
   */
  @ParameterizedTest
  @CsvSource({"llama, FP16, 1e-3", "llama, INT8, 0.02", "llama, INT4, 0.3", "gemma2, INT4, 0.3"})
  void reducedPrecisionImportsShrinkAndStayCloseToFp32(
      String type, WeightPrecision precision, double tolerance) throws Exception {
    Path checkpoint = RandomCheckpoints.write(dir.resolve("hf"), type, TensorType.F32, 1L << 30, 9);
    Path full = dir.resolve("fp32");
    Path reduced = dir.resolve(precision.name());
    ArchitectureConfig config = CheckpointImporter.importCheckpoint(checkpoint, full);
    CheckpointImporter.importCheckpoint(checkpoint, reduced, precision);
    long fullBytes = Files.size(full.resolve("model.onnx"));
    long reducedBytes = Files.size(reduced.resolve("model.onnx"));
    assertThat(reducedBytes)
        .isLessThan(fullBytes * (precision == WeightPrecision.INT4 ? 4 : 7) / 10);
    assertThat(Files.readString(reduced.resolve(CheckpointImporter.IMPORT_FILE)))
        .contains("\"weights\" : \"" + precision.name().toLowerCase(java.util.Locale.ROOT) + "\"");
    List<GenerationRequest> requests = new ArrayList<>();
    List<String> prompts = List.of("Q: 12 + 7 = ?\nA:", "hello there", "x", "The quick brown fox");
    for (int i = 0; i < prompts.size(); i++) {
      requests.add(new GenerationRequest("p" + i, prompts.get(i), 0, 1, List.of()));
    }
    Map<String, List<Long>> fast = new HashMap<>();
    Map<String, List<Long>> generic = new HashMap<>();
    Map<String, List<Long>> fp32 = new HashMap<>();
    double worst = 0;
    try (OnnxLanguageModel shared = OnnxLanguageModel.open(reduced, 1, "cpu", 16);
        OnnxLanguageModel plain = OnnxLanguageModel.open(reduced, 1, "cpu", 16, false);
        OnnxLanguageModel reference = OnnxLanguageModel.open(full, 1, "cpu", 16)) {
      shared
          .generateSamples(requests, SamplingParams.greedy(20))
          .forEach(r -> fast.put(r.requestId(), boxed(r.tokenIds())));
      plain
          .generateSamples(requests, SamplingParams.greedy(20))
          .forEach(r -> generic.put(r.requestId(), boxed(r.tokenIds())));
      reference
          .generateSamples(requests, SamplingParams.greedy(20))
          .forEach(r -> fp32.put(r.requestId(), boxed(r.tokenIds())));
      try (OrtSession a = ENV.createSession(full.resolve("model.onnx").toString());
          OrtSession b = ENV.createSession(reduced.resolve("model.onnx").toString())) {
        for (String prompt : prompts) {
          long[] ids = reference.tokenizer().encode(prompt, true);
          worst = Math.max(
              worst,
              LastLogits.largestRelativeDifference(LastLogits.of(a, ids), LastLogits.of(b, ids)));
        }
      }
    }
    assertThat(fast).isEqualTo(generic);
    int identical = 0;
    int agree = 0;
    int total = 0;
    for (String id : fp32.keySet()) {
      List<Long> a = fp32.get(id);
      List<Long> b = fast.get(id);
      identical += a.equals(b) ? 1 : 0;
      int same = 0;
      while (same < Math.min(a.size(), b.size()) && a.get(same).equals(b.get(same))) {
        same++;
      }
      agree += same;
      total += a.size();
    }
    assertThat(worst)
        .as("%s %s: largest logit difference / largest logit", type, precision)
        .isLessThan(tolerance);
    System.out.printf(
        "%s %s: model.onnx %,d -> %,d bytes (%.2fx), largest logit difference %.2e of the largest"
            + " logit, greedy: %d of 4 sequences equal to fp32's, %d of %d fp32 tokens before the"
            + " first difference%n",
        type,
        precision,
        fullBytes,
        reducedBytes,
        (double) fullBytes / reducedBytes,
        worst,
        identical,
        agree,
        total);
  }

  @Test
  void theOnnxBackendOpensACheckpointDirectoryDirectlyThroughATemporaryImport() throws Exception {
    Path checkpoint =
        RandomCheckpoints.write(dir.resolve("hf"), "qwen2", TensorType.BF16, 1L << 30, 3);
    Path imported = dir.resolve("imported");
    CheckpointImporter.importCheckpoint(checkpoint, imported);
    long[] fromImport;
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(imported, 1, "cpu", 8)) {
      fromImport = opened
          .generateSamples(
              List.of(new GenerationRequest("p", "12 + 30 =", 0, 1, List.of())),
              SamplingParams.greedy(8))
          .get(0)
          .tokenIds();
    }
    long before = temporaryImports();
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(checkpoint, 1, "cpu", 8)) {
      assertThat(temporaryImports()).isEqualTo(before + 1);
      assertThat(opened.info().name()).isEqualTo("hf");
      assertThat(opened.info().properties()).containsEntry("importedFrom", checkpoint.toString());
      long[] direct = opened
          .generateSamples(
              List.of(new GenerationRequest("p", "12 + 30 =", 0, 1, List.of())),
              SamplingParams.greedy(8))
          .get(0)
          .tokenIds();
      assertThat(direct).containsExactly(fromImport);
    }
    assertThat(temporaryImports())
        .as("the temporary import is deleted on close")
        .isEqualTo(before);
  }

  private static long temporaryImports() throws IOException {
    try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("gvgap-import-"))
          .count();
    }
  }

  @Test
  void unsupportedArchitecturesAndOptionsAreRefusedClearly() throws Exception {
    Path checkpoint =
        RandomCheckpoints.write(dir.resolve("hf"), "llama", TensorType.F32, 1L << 30, 1);
    ObjectNode config = RandomCheckpoints.config("llama");
    config.put("model_type", "mamba");
    JSON.writeValue(checkpoint.resolve("config.json").toFile(), config);
    assertThatThrownBy(() -> CheckpointImporter.importCheckpoint(checkpoint, dir.resolve("out")))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("config.json: model_type \"mamba\" is not an architecture gvgap"
            + " implements; it implements llama, qwen2, mistral, phi3, gemma2, gpt2");
    config = RandomCheckpoints.config("llama");
    ((ObjectNode) config.path("rope_scaling")).put("rope_type", "yarn");
    JSON.writeValue(checkpoint.resolve("config.json").toFile(), config);
    assertThatThrownBy(() -> CheckpointImporter.importCheckpoint(checkpoint, dir.resolve("out")))
        .hasMessageContaining("rope_scaling type \"yarn\" is not implemented by gvgap; it"
            + " implements linear and llama3");
    config = RandomCheckpoints.config("llama");
    config.put("hidden_act", "relu");
    JSON.writeValue(checkpoint.resolve("config.json").toFile(), config);
    assertThatThrownBy(() -> CheckpointImporter.importCheckpoint(checkpoint, dir.resolve("out")))
        .hasMessageContaining("hidden_act = relu is not implemented by gvgap for model_type llama");
    config = RandomCheckpoints.config("llama");
    config.put("num_hidden_layers", 3);
    JSON.writeValue(checkpoint.resolve("config.json").toFile(), config);
    assertThatThrownBy(() -> CheckpointImporter.importCheckpoint(checkpoint, dir.resolve("out")))
        .hasMessageContaining("has no tensor model.layers.2.input_layernorm.weight");
    config = RandomCheckpoints.config("llama");
    config.put("intermediate_size", 97);
    JSON.writeValue(checkpoint.resolve("config.json").toFile(), config);
    assertThatThrownBy(() -> CheckpointImporter.importCheckpoint(checkpoint, dir.resolve("out")))
        .hasMessageContaining("tensor model.layers.0.mlp.gate_proj.weight has shape [96, 64] but"
            + " config.json implies [97, 64]");
    config = RandomCheckpoints.config("llama");
    config.put("num_hidden_layers", 1);
    JSON.writeValue(checkpoint.resolve("config.json").toFile(), config);
    assertThatThrownBy(() -> CheckpointImporter.importCheckpoint(checkpoint, dir.resolve("out")))
        .hasMessageContaining("tensor model.layers.1.input_layernorm.weight is not a weight of a"
            + " llama model as config.json describes it");
  }

  private static List<Long> boxed(long[] ids) {
    List<Long> list = new ArrayList<>();
    for (long id : ids) {
      list.add(id);
    }
    return list;
  }

  private JsonNode reference(Path node, Path checkpoint, List<long[]> prompts, int newTokens)
      throws IOException, InterruptedException {
    Path script = Path.of(System.getProperty("gvgap.repository", "../.."))
        .resolve("crosscheck/hf-reference.mjs")
        .toAbsolutePath()
        .normalize();
    ObjectNode request = JSON.createObjectNode();
    request.put("checkpoint", checkpoint.toAbsolutePath().toString());
    var list = request.putArray("prompts");
    prompts.forEach(ids -> {
      var array = list.addArray();
      for (long id : ids) {
        array.add(id);
      }
    });
    request.put("newTokens", newTokens);
    Path requestFile = dir.resolve("request.json");
    JSON.writeValue(requestFile.toFile(), request);
    BoundedProcess.Result result = BoundedProcess.run(
        new ProcessBuilder(node.toString(), script.toString(), requestFile.toString()),
        dir.resolve("reference.txt"),
        Duration.ofMinutes(2));
    assertThat(result.finished())
        .as(
            "hf-reference.mjs still running after 2 minutes, destroyed; its output:%n%s",
            result.output())
        .isTrue();
    assertThat(result.exitCode()).as(result.output()).isZero();
    String json = result
        .output()
        .lines()
        .filter(l -> l.startsWith("{"))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no JSON from hf-reference.mjs: " + result.output()));
    return JSON.readTree(json);
  }

  /** node on the PATH; skipped without it, except under CI=true where the check is required. */
  private static Path nodeOrSkip() {
    for (String entry :
        System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(entry, "node");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError("the checkpoint-import cross-check needs node on the PATH");
    }
    Assumptions.abort("node is not on the PATH: the checkpoint-import cross-check is skipped");
    return null;
  }
}
