package io.gvgap.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics written by a plain ObjectMapper are valid JSON, with undefined numbers as null. */
class MetricsJsonTest {

  /** A verifier with no score at all (mean and AUROC undefined) and an all-saturated strategy. */
  private static GroupMetrics withUndefinedNumbers() {
    List<PromptData> prompts = List.of(
        PromptBuilder.prompt("a", 1, 1)
            .score("broken", Double.NaN, Double.NaN)
            .weights("broken", "all", 1, 1)
            .build(),
        PromptBuilder.prompt("b", 1, 1)
            .score("broken", Double.NaN, Double.NaN)
            .weights("broken", "all", 1, 0)
            .build());
    return new MetricsCalculator(MetricsSettings.defaults()).compute(prompts);
  }

  @Test
  void undefinedNumbersAreWrittenAsNull() throws Exception {
    GroupMetrics metrics = withUndefinedNumbers();
    String json = new ObjectMapper().writeValueAsString(metrics);
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
    // strict parsing: no non-numeric numbers allowed
    JsonNode tree = JsonMapper.builder()
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build()
        .readTree(json);
    JsonNode verifier = tree.get("verifiers").get(0);
    assertThat(verifier.get("verifier").asText()).isEqualTo("broken");
    assertThat(verifier.get("meanScore").isNull()).isTrue();
    assertThat(verifier.get("auroc").isNull()).isTrue();
    assertThat(verifier.get("parseFailureRate").asDouble()).isEqualTo(1.0);
    JsonNode strategy = tree.get("strategies").get(0);
    // both prompts saturated: no per-prompt relative gap, J(f) = 1 so no pooled one either
    assertThat(strategy.get("relativeGapPerPrompt").get("value").isNull()).isTrue();
    assertThat(strategy.get("relativeGapPooled").get("lower").isNull()).isTrue();
    assertThat(strategy.get("gap").get("value").asDouble()).isEqualTo(0.0);
    assertThat(tree.get("passAtK").get(0).get("k").asInt()).isEqualTo(1);
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    for (GroupMetrics metrics : List.of(
        withUndefinedNumbers(),
        new MetricsCalculator(MetricsSettings.defaults()).compute(HandGroup.prompts()))) {
      String json = mapper.writeValueAsString(metrics);
      assertThat(mapper.readValue(json, GroupMetrics.class)).isEqualTo(metrics);
    }
  }
}
