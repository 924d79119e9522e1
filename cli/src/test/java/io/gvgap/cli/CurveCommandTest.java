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
 * {@code gvgap curve}: at N = the run's samples the curve equals the run's own metrics.json
 * (filters re-run and majority re-counted on all samples give what the pipeline stored), smaller N
 * drop pass@k above N, and a bad N or a whole-set verifier is a usage error.
 */
class CurveCommandTest {

  @TempDir
  Path tmp;

  private static final String SPEC = """
      name: curve
      models:
        - backend: scripted
      tasks:
        - name: toy-sums
          limit: 12
      generation: {samples: 8, batch_examples: 4}
      verifiers:
        - name: scripted-judge
        - name: majority
        - name: oracle
      filters:
        - name: quantile
          options: {alpha: 0.25}
        - name: best-of-n
      metrics: {bootstrap: 50, pass_at_k: [1, 2, 4, 8]}
      """;

  private Path run(String spec) throws IOException {
    Path file = tmp.resolve("spec.yaml");
    Files.writeString(file, spec);
    Path out = tmp.resolve("run");
    InProcessGvgap.Result r =
        InProcessGvgap.run("--quiet", "run", file.toString(), "--output", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return out;
  }

  @Test
  void theLastPointEqualsTheRunsMetricsAndSmallerNDropLargerK() throws IOException {
    Path out = run(SPEC);
    InProcessGvgap.Result r = InProcessGvgap.run("curve", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("scripted / toy-sums", "majority/best-of-n", "curve.json");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode curve = mapper.readTree(out.resolve(CurveCommand.CURVE_FILE).toFile());
    JsonNode metrics = mapper.readTree(out.resolve("metrics.json").toFile());
    assertThat(curve.path("selection").asText()).isEqualTo("first-n");
    assertThat(curve.path("points"))
        .extracting(p -> p.path("samples").asInt())
        .containsExactly(1, 2, 4, 8);
    JsonNode last = curve.path("points").get(3);
    assertThat(last.path("metrics")).isEqualTo(metrics.path("groups").get(0).path("metrics"));
    JsonNode two = curve.path("points").get(1).path("metrics");
    assertThat(two.path("samples").asInt()).isEqualTo(12 * 2);
    assertThat(two.path("passAtK")).extracting(k -> k.path("k").asInt()).containsExactly(1, 2);
  }

  @Test
  void anNAboveTheRunsSamplesOrATournamentIsAUsageError() throws IOException {
    Path out = run(SPEC);
    InProcessGvgap.Result r = InProcessGvgap.run("curve", out.toString(), "--samples", "2,9");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--samples 9", "1..8");

    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Path file = tmp.resolve("tournament.yaml");
    Files.writeString(
        file,
        SPEC.replace("  - name: majority\n", "  - name: tournament\n")
            .replace("name: curve", "name: curve-t"));
    InProcessGvgap.Result t = InProcessGvgap.run(
        "--quiet", "run", file.toString(), "--output", other.resolve("run").toString());
    assertThat(t.code()).as(t.err()).isZero();
    InProcessGvgap.Result refused =
        InProcessGvgap.run("curve", other.resolve("run").toString());
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("'tournament'");
  }
}
