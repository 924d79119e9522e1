package io.gvgap.onnx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnersTest {
  @TempDir
  static Path dir;

  static Path model;

  @BeforeAll
  static void initModel() throws Exception {
    model = dir.resolve("m");
    long parameters = ModelInitRunner.run(model, 1, 16, 2, 32, 0, true, 3);
    // vocab 98 x 16 + positions 32 x 16 + one block (2 LN 64, c_attn 16x48+48, c_proj 256+16, c_fc
    // 16x64+64,
    // mlp c_proj 64x16+16) + ln_f 32 = 1568 + 512 + 64 + 816 + 272 + 1088 + 1040 + 32 = 5392
    assertThat(parameters)
        .isEqualTo(5392)
        .isEqualTo(DecoderParameters.count(ModelDirectory.readConfig(model)));
  }

  private static List<JsonNode> lines(String jsonLines) throws Exception {
    ObjectMapper json = new ObjectMapper();
    return jsonLines
        .lines()
        .map(line -> {
          try {
            return json.readTree(line);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  @Test
  void generateWritesOneLinePerSampleInInputOrder() throws Exception {
    String input =
        "{\"id\": \"b\", \"prompt\": \"Hello there\"}\n\n{\"id\": \"a\", \"prompt\": \"1+1=\", \"stop\": [\"\\n\"]}\n";
    StringWriter out = new StringWriter();
    var options = new GenerateCommandRunner.Options(
        model, 3, new SamplingParams(0.7, 0.9, 0, 6, 5), 1, "cpu", 4);
    assertThat(GenerateCommandRunner.run(options, new StringReader(input), "prompts.jsonl", out))
        .isEqualTo(6);
    List<JsonNode> lines = lines(out.toString());
    assertThat(lines)
        .extracting(l -> l.get("id").asText() + l.get("sample").asInt())
        .containsExactly("b0", "b1", "b2", "a0", "a1", "a2");
    for (JsonNode line : lines) {
      assertThat(line.get("token_ids").size())
          .isEqualTo(line.get("token_count").asInt())
          .isBetween(1, 6);
      assertThat(line.get("logprob").asDouble()).isNegative();
      assertThat(line.get("finish_reason").asText()).isIn("length", "stop", "eos");
    }
  }

  @Test
  void scoreWritesLogProbsPerContinuation() throws Exception {
    String input =
        "{\"id\": \"q\", \"context\": \"Is it right? \", \"continuations\": [\"Yes\", \"No\"]}\n";
    StringWriter out = new StringWriter();
    assertThat(ScoreCommandRunner.run(model, 1, "cpu", 8, new StringReader(input), "in", out))
        .isEqualTo(1);
    JsonNode line = lines(out.toString()).get(0);
    assertThat(line.get("token_counts").toString()).isEqualTo("[3,2]");
    // a random model's per-token probabilities are near 1/98, so each log-prob is about tokens x
    // ln(1/98)
    assertThat(line.get("logprobs").get(0).asDouble())
        .isCloseTo(3 * Math.log(1 / 98.0), within(1.0));
    assertThat(line.get("logprobs").get(1).asDouble())
        .isCloseTo(2 * Math.log(1 / 98.0), within(1.0));
  }

  @Test
  void malformedInputNamesTheLine() {
    var options =
        new GenerateCommandRunner.Options(model, 1, SamplingParams.greedy(2), 1, "cpu", 4);
    assertThatThrownBy(() -> GenerateCommandRunner.run(
            options,
            new StringReader(
                "{\"id\": \"a\", \"prompt\": \"x\"}\n{\"id\": 3, \"prompt\": \"y\"}\n"),
            "p.jsonl",
            new StringWriter()))
        .hasMessageContaining("p.jsonl line 2")
        .hasMessageContaining("'id'");
    assertThatThrownBy(() -> GenerateCommandRunner.run(
            options, new StringReader("{oops\n"), "p.jsonl", new StringWriter()))
        .hasMessageContaining("p.jsonl line 1 is not JSON");
    assertThatThrownBy(() -> ScoreCommandRunner.run(
            model,
            1,
            "cpu",
            4,
            new StringReader("{\"id\": \"a\", \"context\": \"x\", \"continuations\": []}"),
            "s.jsonl",
            new StringWriter()))
        .hasMessageContaining("s.jsonl line 1")
        .hasMessageContaining("empty");
  }
}
