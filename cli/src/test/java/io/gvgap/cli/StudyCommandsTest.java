package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.cli.ModelInitRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gvgap scaling end to end on two tiny random models, and the improve command's spec errors. */
class StudyCommandsTest {

  @TempDir
  Path tmp;

  private static InProcessGvgap.Result gvgap(String... args) {
    return InProcessGvgap.run(args);
  }

  @Test
  void scalingFitsTheFamilyAndWritesScalingJsonAndAReport() throws Exception {
    ModelInitRunner.run(tmp.resolve("a"), 1, 16, 2, 128, 0, true, 1);
    ModelInitRunner.run(tmp.resolve("b"), 1, 24, 2, 128, 0, true, 2);
    Path spec = tmp.resolve("family.yaml");
    String dir = tmp.toString().replace("\\", "/");
    Files.writeString(spec, """
        name: family
        output: %1$s/family
        models:
          - {label: a, backend: onnx, options: {path: "%1$s/a", threads: 1}}
          - {label: b, backend: onnx, options: {path: "%1$s/b", threads: 1}}
        tasks: [{name: arithmetic, limit: 3, options: {digits: 1, shots: 0}}]
        generation: {samples: 2, max_tokens: 6}
        verifiers: [{name: oracle}, {name: logprob}]
        filters: [{name: best-of-n}]
        metrics: {bootstrap: 20}
        scaling:
          flops: {a: 1.0e9, b: 1.0e10}
        """.formatted(dir));
    InProcessGvgap.Result r = gvgap("--quiet", "scaling", spec.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains("scaling 'family' over 2 models")
        .contains("multiplicity: ")
        .contains("share = gap / gap of the oracle 'oracle'")
        .contains("report: ");
    JsonNode scaling =
        new ObjectMapper().readTree(tmp.resolve("family/scaling.json").toFile());
    // oracle: 3 measures (no share of itself); logprob: 4. x = log10 of the given FLOPs.
    assertThat(scaling.path("fits")).hasSize(7);
    assertThat(
            scaling.path("fits").get(0).path("points").get(1).path("log10Flops").asDouble())
        .isEqualTo(10.0);
    // Every fit is a row of the table (none picked), and the report carries every fit.
    String report = Files.readString(tmp.resolve("family/report.html"));
    for (JsonNode fit : scaling.path("fits")) {
      assertThat(fit.has("bootstrap")).isTrue();
      assertThat(fit.has("weighted")).isTrue();
      String row = fit.path("verifier").asText() + "\\s+" + fit.path("filter").asText() + "\\s+"
          + fit.path("measure").asText() + "\\s";
      assertThat(r.out()).containsPattern(row.replace("(", "\\(").replace(")", "\\)"));
      assertThat(report).contains(fit.path("measure").asText());
    }
    assertThat(scaling.path("multiplicity").path("note").asText()).contains("fits with a");
    assertThat(tmp.resolve("family/report.html")).exists();
  }

  @Test
  void improveRejectsAStrategyThatIsNotInTheSpec() throws Exception {
    ModelInitRunner.run(tmp.resolve("m"), 1, 16, 2, 128, 0, true, 1);
    Path spec = tmp.resolve("improve.yaml");
    Files.writeString(spec, """
        name: study
        output: %1$s/study
        improve: {rounds: 1, verifier: cot-score, filter: best-of-n}
        models: [{label: m, backend: onnx, options: {path: "%1$s/m"}}]
        tasks: [{name: arithmetic, limit: 2}]
        verifiers: [{name: oracle}]
        filters: [{name: best-of-n}]
        """.formatted(tmp.toString().replace("\\", "/")));
    InProcessGvgap.Result r = gvgap("--quiet", "improve", spec.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err())
        .contains("improve.verifier 'cot-score' is not a verifier label")
        .contains("[oracle]");
    assertThat(tmp.resolve("study")).doesNotExist();
  }
}
