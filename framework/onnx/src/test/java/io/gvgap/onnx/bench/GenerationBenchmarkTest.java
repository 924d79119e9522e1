package io.gvgap.onnx.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.runtime.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's steps end to end on the small model and a tiny workload (no transformers.js). */
class GenerationBenchmarkTest {
  @TempDir Path dir;

  @Test
  void prepareThenGvgapThenTableOnATinyWorkload() throws Exception {
    GenerationBenchmark.main(new String[] {"prepare", "--dir", dir.toString(), "--small", "3x2:1x2", "--gpt2", "",
        "--new-tokens", "5", "--prompt-chars", "120"});
    BenchmarkPlan plan = BenchmarkPlan.read(dir);
    assertThat(plan.runs()).hasSize(1);
    BenchmarkRun run = plan.runs().get(0);
    assertThat(run.workload()).isEqualTo(new Workload(3, 2, 5));
    assertThat(List.of(run.transformersJsPrompts(), run.transformersJsSamples())).containsExactly(1, 2);
    // the model has no end-of-sequence id, so every sample runs to its 5 tokens
    assertThat(ModelConfig.read(Path.of(run.modelDir())).eosIds()).isEmpty();
    List<String> prompts = Files.readAllLines(Path.of(run.promptsFile()));
    assertThat(prompts).hasSize(3);
    // character-level tokenizer: one token per character, no special tokens added
    ObjectMapper json = new ObjectMapper();
    double meanCharacters = prompts.stream().mapToInt(l -> readPrompt(json, l).length()).average().orElseThrow();
    assertThat(run.meanPromptTokens()).isEqualTo(meanCharacters);

    GenerationBenchmark.main(new String[] {"gvgap", "--dir", dir.toString(), "--run", "0"});
    List<String> results = Files.readAllLines(dir.resolve("results-gvgap.jsonl"));
    assertThat(results).hasSize(1);
    BenchmarkResult result = json.readValue(results.get(0), BenchmarkResult.class);
    // 3 prompts x 2 samples x 5 tokens
    assertThat(result.generatedTokens()).isEqualTo(30);
    assertThat(result.seconds()).isPositive();

    Files.writeString(dir.resolve(MatmulMeasurement.FILE),
        json.writeValueAsString(new MatmulMeasurement(1, 1, 1, 2, 1e9)));
    assertThat(GenerationBenchmark.table(dir, Map.of())).contains("| small | 3x2 | 1x2 |");
    assertThat(dir.resolve("table.md")).exists();

    // preparing again removes the earlier results
    GenerationBenchmark.main(new String[] {"prepare", "--dir", dir.toString(), "--small", "1x1", "--gpt2", ""});
    assertThat(dir.resolve("results-gvgap.jsonl")).doesNotExist();
    assertThat(dir.resolve(MatmulMeasurement.FILE)).doesNotExist();
  }

  @Test
  void misspelledOptionsAndMissingStepsFailClearly() {
    assertThatThrownBy(() -> GenerationBenchmark.main(new String[] {"prepare", "--dir", dir.toString(), "--smal", "1x1"}))
        .hasMessageContaining("unknown option --smal");
    assertThatThrownBy(() -> GenerationBenchmark.main(new String[] {"table", "--dir", dir.toString()}))
        .hasMessageContaining("plan.json is missing");
    assertThatThrownBy(() -> GenerationBenchmark.main(new String[] {"prepare", "--dir", dir.toString(), "--small",
        "2x2:3x1", "--gpt2", ""})).hasMessageContaining("must lie within the workload 2x2");
  }

  private static String readPrompt(ObjectMapper json, String line) {
    try {
      return json.readTree(line).get("prompt").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
