package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.input.InputFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rounds and scaling sections: what they read, where they draw, and that plain runs do not show them. */
class StudySectionsTest {

  @TempDir
  Path tmp;

  private static final String ROUNDS = """
      {"study": "demo", "verifier": "majority", "filter": "quantile(alpha=0.25)", "rounds": [
        {"round": 0, "runDirectory": "%1$s/round-0", "evaluation": [{"task": "arithmetic",
          "accuracy": {"value": 0.5, "lower": 0.3, "upper": 0.7},
          "passAtK": [{"k": 1, "estimate": {"value": 0.5, "lower": 0.3, "upper": 0.7}},
                      {"k": 2, "estimate": {"value": 0.75, "lower": 0.6, "upper": 0.9}}],
          "diversity": {"meanDistinctCorrectSolutions": 1.5},
          "strategies": [{"verifier": "majority", "filter": "quantile(alpha=0.25)",
                          "gap": {"value": 0.1, "lower": 0.0, "upper": 0.2},
                          "relativeGapPooled": {"value": 0.2, "lower": 0.0, "upper": 0.4}},
                         {"verifier": "logprob", "filter": "quantile(alpha=0.25)",
                          "gap": {"value": -0.1, "lower": -0.2, "upper": 0.0},
                          "relativeGapPooled": {"value": -0.2, "lower": -0.4, "upper": 0.0}}]}],
          "distillation": {"keptSamples": 12, "distinctSamples": 9}},
        {"round": 1, "runDirectory": "%1$s/round-1", "evaluation": [], "distillation": null}]}
      """;

  @Test
  void roundsAreDrawnOnceInRoundZerosBlockWithTheDistilledStrategy() throws Exception {
    Path study = tmp.resolve("study");
    new SyntheticRun()
        .examples(6)
        .samplesPerExample(4)
        .payloads(false)
        .writeTo(study.resolve("round-0"));
    new SyntheticRun()
        .examples(6)
        .samplesPerExample(4)
        .payloads(false)
        .seed(3)
        .writeTo(study.resolve("round-1"));
    Files.writeString(
        study.resolve("rounds.json"), ROUNDS.formatted(study.toString().replace("\\", "/")));
    RunData round0 = RunDirectoryReader.read(study.resolve("round-0"));
    RunData round1 = RunDirectoryReader.read(study.resolve("round-1"));

    JsonNode data = new RoundsSection().data(RunGroups.of(round0));
    assertThat(data.path("rounds")).hasSize(1);
    JsonNode row = data.path("rounds").get(0);
    assertThat(row.path("accuracy").toString()).isEqualTo("[0.5,0.3,0.7]");
    assertThat(row.path("passAtK").toString()).isEqualTo("[[1,0.5,0.3,0.7],[2,0.75,0.6,0.9]]");
    // The distilled strategy is majority/quantile, not logprob's row.
    assertThat(row.path("gap").toString()).isEqualTo("[0.1,0.0,0.2]");
    assertThat(row.path("kept").asInt()).isEqualTo(12);
    assertThat(row.path("distinct").asInt()).isEqualTo(9);
    assertThat(row.path("distinctCorrect").asDouble()).isEqualTo(1.5);
    assertThat(new RoundsSection().data(RunGroups.of(round1))).isNull();

    String html = ReportWriter.render(List.of(round0, round1));
    assertThat(html).contains("<section id=\"rounds\"").doesNotContain("<section id=\"scaling\"");
  }

  @Test
  void aRoundsFileThatDoesNotFitItsRecordNamesFileLineAndField() throws Exception {
    Path study = tmp.resolve("study");
    new SyntheticRun()
        .examples(2)
        .samplesPerExample(2)
        .payloads(false)
        .writeTo(study.resolve("round-0"));
    Files.writeString(study.resolve("rounds.json"), """
        {"study": "demo", "rounds": [
          {"round": "first", "runDirectory": "round-0", "evaluation": []}]}
        """);
    RunData round0 = RunDirectoryReader.read(study.resolve("round-0"));

    assertThatThrownBy(() -> new RoundsSection().data(RunGroups.of(round0)))
        .isInstanceOf(InputFileException.class)
        .hasMessageStartingWith(study.resolve("rounds.json") + ":2:")
        .hasMessageContaining("rounds[0].round: expected an integer, was 'first' (a string)")
        .hasMessageNotContaining("REDACTED");
  }

  @Test
  void everyScalingFitIsShownWithItsStatisticsAndPlainRunsHaveNeitherSection() throws Exception {
    Path run = tmp.resolve("family");
    new SyntheticRun().examples(6).samplesPerExample(4).payloads(false).writeTo(run);
    RunData plain = RunDirectoryReader.read(run);
    assertThat(new ScalingSection().data(RunGroups.of(plain))).isNull();
    assertThat(ReportWriter.render(List.of(plain)))
        .doesNotContain("<section id=\"scaling\"")
        .doesNotContain("<section id=\"rounds\"");

    Files.writeString(run.resolve("scaling.json"), """
        {"intervalMethod": "t", "bootstrapMethod": "joint", "weightedMethod": "wls",
         "bootstrapDraws": 100, "bootstrapSeed": 7, "oracle": "oracle",
         "multiplicity": {"fits": 4, "note": "4 fits; at 95 % about 0.2 would exclude 0 by chance"},
         "fits": [
          {"task": "t", "verifier": "v", "filter": "f", "measure": "relative-gap-pooled", "points": [], "fit": {},
           "excluded": [{"model": "big", "reason": "saturated: J(f) = 1 <b>"}],
           "bootstrap": {"draws": 100, "definedDraws": 98, "slopeLower": -0.1, "slopeUpper": 0.4,
                         "increasingShare": 0.28, "decreasingShare": 0.01, "observedOrder": "increasing"},
           "weighted": {"points": 4, "slope": 0.2, "slopeLower": 0.05, "slopeUpper": 0.35,
                        "chiSquare": 3.1, "degreesOfFreedom": 2, "note": ""}},
          {"task": "t", "verifier": "v", "filter": "f", "measure": "relative-gap-per-prompt", "points": [], "fit": {}},
          {"task": "t", "verifier": "v", "filter": "f", "measure": "gap-share-of-oracle", "points": [], "fit": {}},
          {"task": "t", "verifier": "v", "filter": "f", "measure": "gap", "points": [], "fit": {}}]}
        """);
    RunData withFits = RunDirectoryReader.read(run);
    JsonNode data = new ScalingSection().data(RunGroups.of(withFits));
    // No measure is picked: all four are in the section's data, with their statistics.
    assertThat(data.path("fits"))
        .extracting(f -> f.path("measure").asText())
        .containsExactly(
            "relative-gap-pooled", "relative-gap-per-prompt", "gap-share-of-oracle", "gap");
    JsonNode first = data.path("fits").get(0);
    assertThat(first.path("bootstrap").path("increasingShare").asDouble()).isEqualTo(0.28);
    assertThat(first.path("weighted").path("slopeLower").asDouble()).isEqualTo(0.05);
    assertThat(first.path("excluded").get(0).path("model").asText()).isEqualTo("big");
    assertThat(data.path("fits").get(1).path("excluded")).isEmpty();
    assertThat(data.path("oracle").asText()).isEqualTo("oracle");
    assertThat(data.path("multiplicity").asText()).startsWith("4 fits;");
    String html = ReportWriter.render(List.of(withFits));
    assertThat(html).contains("<section id=\"scaling\"").contains("gap-share-of-oracle");
    // An excluded member's reason is data, escaped inside the page's JSON, never markup.
    assertThat(html).doesNotContain("J(f) = 1 <b>");
  }
}
