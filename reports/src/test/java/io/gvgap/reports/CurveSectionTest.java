package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curve section reads curve.json into one table per group and is absent without the file. */
class CurveSectionTest {

  @TempDir
  Path tmp;

  private static final String CURVE = """
      {"run": "r", "selection": "first-n", "samples": [1, 2], "points": [
        {"model": "m<b>", "task": "t", "samples": 1, "prompts": 6, "metrics": {
          "accuracy": {"value": 0.5, "lower": 0.3, "upper": 0.7},
          "passAtK": [{"k": 1, "estimate": {"value": 0.5, "lower": 0.3, "upper": 0.7}}],
          "strategies": [{"verifier": "v", "filter": "best-of-n",
                          "gap": {"value": 0.0, "lower": 0.0, "upper": 0.0}}]}},
        {"model": "m<b>", "task": "t", "samples": 2, "prompts": 6, "metrics": {
          "accuracy": {"value": 0.5, "lower": 0.3, "upper": 0.7},
          "passAtK": [{"k": 1, "estimate": {"value": 0.5, "lower": 0.3, "upper": 0.7}},
                      {"k": 2, "estimate": {"value": 0.75, "lower": 0.6, "upper": 0.9}}],
          "strategies": [{"verifier": "v", "filter": "best-of-n",
                          "gap": {"value": 0.1, "lower": null, "upper": null}}]}}]}
      """;

  @Test
  void oneTablePerGroupWithPassAtNAndEachStrategysGap() throws Exception {
    Path run = tmp.resolve("run");
    new SyntheticRun().examples(6).samplesPerExample(2).payloads(false).writeTo(run);
    RunGroups groups = RunGroups.of(RunDirectoryReader.read(run));
    assertThat(new CurveSection().data(groups)).isNull();

    Files.writeString(run.resolve(CurveSection.FILE), CURVE);
    JsonNode data = new CurveSection().data(groups);
    assertThat(data.path("selection").asText()).isEqualTo("first-n");
    assertThat(data.path("groups")).hasSize(1);
    JsonNode group = data.path("groups").get(0);
    assertThat(group.path("model").asText()).isEqualTo("m<b>");
    assertThat(group.path("strategies").toString()).isEqualTo("[\"v / best-of-n\"]");
    assertThat(group.path("rows")).hasSize(2);
    JsonNode second = group.path("rows").get(1);
    assertThat(second.path("n").asInt()).isEqualTo(2);
    assertThat(second.path("passAtN").toString()).isEqualTo("[0.75,0.6,0.9]");
    assertThat(second.path("gaps").toString()).isEqualTo("[[0.1,null,null]]");
  }
}
