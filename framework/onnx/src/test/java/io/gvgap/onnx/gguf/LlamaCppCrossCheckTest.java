package io.gvgap.onnx.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.arch.CheckpointImporter;
import io.gvgap.onnx.arch.RandomCheckpoints;
import io.gvgap.onnx.checkpoint.TensorType;
import io.gvgap.onnx.runtime.BoundedProcess;
import io.gvgap.onnx.runtime.LastLogits;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.onnx.runtime.SampleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * llama.cpp (node-llama-cpp, prebuilt CPU binaries) against gvgap: a model exported to GGUF by
 * {@link GgufExport} and decoded greedily by llama.cpp from the same token ids gives the same
 * tokens as gvgap's own decoding, over 64 new tokens (or until the end token) on at least 20 of 24
 * prompts, and where a prompt diverges, gvgap's own logits at the first differing token rate the two
 * choices within {@value #TIE} of the logit (a near-tie that float differences may flip; measured:
 * the built-in arith-s diverges on 1 of 24 prompts, at a gap of 0.012 on a logit of 5.59, 0.2 %;
 * ggml computes GELU from a half-precision table, a likely cause). Imported
 * random-weight checkpoints of each exported architecture, and gvgap's built-in model arith-s.
 * Needs {@code crosscheck/llama/node_modules/node-llama-cpp} ({@code .ci/run} installs it); without it
 * the check is skipped on a developer machine and fails under {@code CI=true}. Checkpoints are
 * written BF16 and F32, single-file and sharded.
 */
@Tag("process")
class LlamaCppCrossCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
  /** Prompts decoded; at least 20 must match over all 64 tokens. */
  private static final int PROMPTS = 24;
  /** Largest logit difference, relative to the logit, that counts as a tie. */
  private static final double TIE = 5e-3;

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({
    "llama, BF16, 1000000000",
    "mistral, F32, 30000",
    "qwen2, F32, 1000000000",
    "phi3, BF16, 30000",
    "gemma2, BF16, 1000000000",
    "gpt2, F32, 1000000000",
    "built-in:arith-2xs, F32, 0",
    "built-in:arith-xs, F32, 0",
    "built-in:arith-s, F32, 0",
    "built-in:arith-m, F32, 0",
    "built-in:arith-l, F32, 0",
    "built-in:sudoku-s, F32, 0"
  })
  void llamaCppDecodesTheExportedModelToTheSameTokens(String which, TensorType dtype, long shard)
      throws Exception {
    Path crosscheck = Path.of(System.getProperty("gvgap.repository", "../.."))
        .resolve("crosscheck")
        .toAbsolutePath()
        .normalize();
    if (!Files.isDirectory(crosscheck.resolve("llama/node_modules/node-llama-cpp"))) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(
            "the llama.cpp cross-check needs crosscheck/llama/node_modules/"
                + "node-llama-cpp: run (cd crosscheck/llama && npm ci --ignore-scripts --omit=optional)");
      }
      Assumptions.abort("crosscheck/llama/node_modules/node-llama-cpp is missing: skipped");
    }
    Path model;
    if (which.startsWith("built-in:")) {
      model = Path.of(System.getProperty("gvgap.repository", "../.."))
          .resolve("models")
          .resolve(which.substring("built-in:".length()))
          .toAbsolutePath()
          .normalize();
    } else {
      Path checkpoint = RandomCheckpoints.write(dir.resolve("hf"), which, dtype, shard, 21);
      model = dir.resolve("imported");
      if (which.equals("mistral")) {
        // llama.cpp runs Mistral as a Llama without its sliding window: the check keeps the
        // sequence inside the window (the window itself is checked against hf-reference.mjs)
        ObjectNode config =
            (ObjectNode) JSON.readTree(checkpoint.resolve("config.json").toFile());
        config.put("sliding_window", 4096);
        JSON.writeValue(checkpoint.resolve("config.json").toFile(), config);
      }
      CheckpointImporter.importCheckpoint(checkpoint, model);
    }
    Path gguf = dir.resolve("model.gguf");
    GgufExport.export(model, gguf, false);

    List<GenerationRequest> requests = new ArrayList<>();
    ArrayNode prompts = JSON.createArrayNode();
    Map<String, long[]> gvgap = new HashMap<>();
    Map<String, long[]> promptIds = new HashMap<>();
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, 1, "cpu", 32)) {
      for (int i = 0; i < PROMPTS; i++) {
        String prompt = "Q" + i + ": what is " + (i * 7) + " + " + (i * i) + "?\nA:";
        requests.add(new GenerationRequest("p" + i, prompt, 0, 1, List.of()));
        var entry = prompts.addObject().put("id", "p" + i);
        var ids = entry.putArray("ids");
        long[] encoded = opened.tokenizer().encode(prompt, true);
        promptIds.put("p" + i, encoded);
        for (long id : encoded) {
          ids.add(id);
        }
      }
      for (SampleResult sample : opened.generateSamples(requests, SamplingParams.greedy(64))) {
        gvgap.put(sample.requestId(), sample.tokenIds());
      }
    }
    Path promptsFile = dir.resolve("prompts.json");
    JSON.writeValue(promptsFile.toFile(), prompts);
    BoundedProcess.Result node = BoundedProcess.run(
        new ProcessBuilder(
            "node",
            crosscheck.resolve("llama/llama-greedy.mjs").toString(),
            gguf.toString(),
            promptsFile.toString(),
            "64"),
        dir.resolve("llama.txt"),
        Duration.ofMinutes(5));
    assertThat(node.finished())
        .as("node still running after 5 minutes: %s", node.output())
        .isTrue();
    assertThat(node.exitCode()).as(node.output()).isZero();
    int compared = 0;
    int equal = 0;
    List<String> ties = new ArrayList<>();
    try (OrtSession session = ENV.createSession(model.resolve("model.onnx").toString())) {
      for (String line : node.output().lines().filter(l -> l.startsWith("{")).toList()) {
        JsonNode result = JSON.readTree(line);
        String id = result.get("id").asText();
        long[] ours = gvgap.get(id);
        long[] theirs = new long[result.get("tokens").size()];
        for (int t = 0; t < theirs.length; t++) {
          theirs[t] = result.get("tokens").get(t).asLong();
        }
        compared++;
        int t = 0;
        while (t < Math.min(ours.length, theirs.length) && ours[t] == theirs[t]) {
          t++;
        }
        if (t == ours.length && t == theirs.length) {
          equal++;
          continue;
        }
        // a divergence is allowed only where gvgap's own logits call the two tokens a tie
        assertThat(t)
            .as(
                "%s %s: one sequence ended early (gvgap %s, llama.cpp %s)",
                which, id, java.util.Arrays.toString(ours), java.util.Arrays.toString(theirs))
            .isLessThan(Math.min(ours.length, theirs.length));
        long[] prefix = concat(promptIds.get(id), ours, t);
        float[] logits = LastLogits.of(session, prefix);
        double gap = logits[(int) ours[t]] - logits[(int) theirs[t]];
        assertThat(Math.abs(gap))
            .as(
                "%s %s token %d: gvgap %d, llama.cpp %d, logit difference %.3g",
                which, id, t, ours[t], theirs[t], gap)
            .isLessThan(TIE * Math.max(1, Math.abs(logits[(int) ours[t]])));
        ties.add(String.format("%s token %d (logit gap %.2g)", id, t, gap));
      }
    }
    assertThat(compared).isEqualTo(PROMPTS);
    assertThat(equal)
        .as("prompts decoded identically (near-ties: %s)", ties)
        .isGreaterThanOrEqualTo(20);
    System.out.printf(
        "%s: %d of %d prompts identical over 64 tokens; near-ties: %s%n",
        which, equal, PROMPTS, ties);
  }

  private static long[] concat(long[] prompt, long[] generated, int count) {
    long[] ids = new long[prompt.length + count];
    System.arraycopy(prompt, 0, ids, 0, prompt.length);
    System.arraycopy(generated, 0, ids, prompt.length, count);
    return ids;
  }
}
