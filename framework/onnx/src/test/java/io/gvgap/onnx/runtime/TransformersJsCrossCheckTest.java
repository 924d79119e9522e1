package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderGraphTest;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gvgap's greedy token ids against transformers.js (an independent ONNX Runtime driver with its own
 * tokenizer, KV-cache handling and generation loop) on 20 prompts for two model sizes. Needs node
 * and {@code crosscheck/node_modules} ({@code cd crosscheck && npm ci --ignore-scripts}, which
 * {@code .ci/run} does). It runs whenever {@code crosscheck/node_modules} exists; without it, it is
 * skipped on a developer machine but fails where the check is required: under {@code CI=true} or
 * with {@code -Dgvgap.crosscheck=true}.
 */
@Tag("process")
class TransformersJsCrossCheckTest {
  @TempDir
  Path dir;

  @Test
  void greedyTokenIdsEqualTransformersJsForTwoSizes() throws Exception {
    Path crosscheck = Path.of(System.getProperty("gvgap.repository", "../.."))
        .resolve("crosscheck")
        .toAbsolutePath()
        .normalize();
    Path script = crosscheck.resolve("greedy.mjs");
    assertThat(script).exists();
    CrossCheckRequirement.check(
        crosscheck, System.getenv("CI"), System.getProperty("gvgap.crosscheck"));
    List<String> prompts = new ArrayList<>();
    StringBuilder jsonLines = new StringBuilder();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 20; i++) {
      String prompt =
          "Q" + i + ": " + "what is " + (i * 7) + " + " + (i * i) + "?\nA:".repeat(1 + i % 3);
      prompts.add(prompt);
      jsonLines
          .append(json.writeValueAsString(Map.of("id", "p" + i, "prompt", prompt)))
          .append('\n');
    }
    Files.writeString(dir.resolve("prompts.jsonl"), jsonLines.toString());
    int compared = 0;
    for (DecoderConfig config : List.of(
        new DecoderConfig(98, 96, 2, 32, 4, 128, true, 1e-5f),
        new DecoderConfig(98, 96, 4, 64, 8, 256, false, 1e-5f))) {
      Path model = dir.resolve("model-" + config.layers());
      ModelDirectory.write(
          model,
          config,
          CharVocabulary.printableAscii(),
          DecoderGraphTest.perturbedParameters(config, config.layers()),
          ModelCard.EMPTY);
      Map<String, long[]> gvgap = new HashMap<>();
      List<GenerationRequest> requests = new ArrayList<>();
      for (int i = 0; i < prompts.size(); i++) {
        requests.add(new GenerationRequest("p" + i, prompts.get(i), 0, 1, List.of()));
      }
      try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, 1, "cpu", 64)) {
        opened
            .generateSamples(requests, SamplingParams.greedy(24))
            .forEach(s -> gvgap.put(s.requestId(), s.tokenIds()));
      }
      ProcessBuilder command = new ProcessBuilder(
          "node",
          script.toString(),
          model.toString(),
          dir.resolve("prompts.jsonl").toString(),
          "24");
      BoundedProcess.Result node = BoundedProcess.run(
          command, dir.resolve("node-" + config.layers() + ".txt"), Duration.ofMinutes(5));
      assertThat(node.finished())
          .as("node still running after 5 minutes, destroyed; its output:%n%s", node.output())
          .isTrue();
      assertThat(node.exitCode()).as(node.output()).isZero();
      for (String line : node.output().lines().filter(l -> l.startsWith("{")).toList()) {
        JsonNode result = json.readTree(line);
        long[] theirs = new long[result.get("token_ids").size()];
        for (int t = 0; t < theirs.length; t++) {
          theirs[t] = result.get("token_ids").get(t).asLong();
        }
        assertThat(gvgap.get(result.get("id").asText()))
            .as("%s, %d layers", result.get("id").asText(), config.layers())
            .containsExactly(theirs);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(40);
  }
}
