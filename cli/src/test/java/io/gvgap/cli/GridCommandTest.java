package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gvgap grid}: one run per judge in {@code judge-LABEL}, every cell equal to that judge run's
 * own metrics for the generator, one report with the grid section, and clear refusals.
 */
class GridCommandTest {

  @TempDir
  Path tmp;

  private static final String SPEC = """
      name: grid
      models:
        - {label: a, backend: scripted}
        - {label: b, backend: scripted}
      tasks:
        - name: toy-sums
          limit: 6
      generation: {samples: 4, batch_examples: 4}
      verifiers:
        - name: scripted-judge
        - name: oracle
      filters:
        - name: best-of-n
        - name: threshold
          options: {tau: 0.5}
      metrics: {bootstrap: 50}
      """;

  private Path spec(String text) throws IOException {
    Path file = tmp.resolve("grid.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void everyCellIsItsJudgeRunsGapForItsGeneratorAndTheReportHasTheGrid() throws IOException {
    Path out = tmp.resolve("out");
    InProcessGvgap.Result r =
        InProcessGvgap.run("--quiet", "grid", spec(SPEC).toString(), "--output", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("toy-sums / scripted-judge / best-of-n: gap [CI] / AUROC", "grid.json");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode grid = mapper.readTree(out.resolve("grid.json").toFile());
    assertThat(grid.path("judges").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(grid.path("generators").toString()).isEqualTo("[\"a\",\"b\"]");
    // 2 generators x 2 judges x 2 verifiers x 2 filters
    assertThat(grid.path("cells")).hasSize(16);
    int checked = 0;
    for (JsonNode cell : grid.path("cells")) {
      JsonNode metrics =
          mapper.readTree(out.resolve("judge-" + cell.path("judge").asText())
              .resolve("metrics.json")
              .toFile());
      for (JsonNode group : metrics.path("groups")) {
        if (!group.path("model").asText().equals(cell.path("generator").asText())) {
          continue;
        }
        for (JsonNode s : group.path("metrics").path("strategies")) {
          if (s.path("verifier").asText().equals(cell.path("verifier").asText())
              && s.path("filter").asText().equals(cell.path("filter").asText())) {
            assertThat(cell.path("gap")).isEqualTo(s.path("gap"));
            assertThat(cell.path("emptyKeptPrompts")).isEqualTo(s.path("emptyKeptPrompts"));
            checked++;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(16);
    // each judge's run records who judged
    assertThat(Files.readString(out.resolve("judge-b").resolve("spec.json"))).contains("\"b\"");
    String report = Files.readString(out.resolve("report.html"));
    assertThat(report)
        .contains("<section id=\"grid\"")
        .contains("data-grid-0")
        .doesNotContain("data-grid-1");
  }

  @Test
  void aSpecWithOneModelOrAFixedJudgeIsRefused() throws IOException {
    String one = SPEC.replace("  - {label: b, backend: scripted}\n", "");
    InProcessGvgap.Result r = InProcessGvgap.run(
        "grid", spec(one).toString(), "--output", tmp.resolve("one").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("at least two models");
    String fixed = SPEC.replace("generation:", "verification: {model: a}\ngeneration:");
    r = InProcessGvgap.run(
        "grid", spec(fixed).toString(), "--output", tmp.resolve("fixed").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("must not set 'verification.model'");
  }
}
