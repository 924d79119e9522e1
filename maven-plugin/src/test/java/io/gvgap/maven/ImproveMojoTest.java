package io.gvgap.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.store.Json;
import io.gvgap.onnx.cli.ModelInitRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gvgap:improve} on a tiny random gvgap model: one round of generate, verify, distil, evaluate. */
class ImproveMojoTest {

  @TempDir
  Path tmp;

  private Path spec(String improveSection) throws Exception {
    Path model = tmp.resolve("tiny");
    if (!Files.exists(model)) {
      ModelInitRunner.run(model, 1, 16, 2, 160, 0, true, 3);
    }
    Path spec = tmp.resolve("improve.yaml");
    Files.writeString(spec, """
        name: loop
        improve:
        %s
        models:
          - label: tiny
            backend: onnx
            options: {path: "%s", threads: 1}
        tasks:
          - name: arithmetic
            limit: 3
            seed: 3
            options: {digits: 1, shots: 0}
        generation: {samples: 4, max_tokens: 10, temperature: 1.0, batch_examples: 3}
        verifiers:
          - name: logprob
          - name: oracle
        filters:
          - name: quantile
            sweep: {alpha: [0.5]}
        metrics: {bootstrap: 20}
        """.formatted(improveSection, model.toString().replace("\\\\", "/")));
    return spec;
  }

  private ImproveMojo mojo(Path spec, CapturingLog log) {
    ImproveMojo mojo = new ImproveMojo();
    mojo.specFile = spec.toFile();
    mojo.outputDirectory = tmp.resolve("target/gvgap").toFile();
    mojo.buildDirectory = tmp.resolve("target").toFile();
    mojo.projectDirectory = tmp.toFile();
    mojo.artifactId = "app";
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void runsTheRoundsWritesRoundsJsonAndAReport() throws Exception {
    CapturingLog log = new CapturingLog();
    mojo(spec("""
          rounds: 1
          verifier: logprob
          filter: quantile(alpha=0.5)
          update: continue
          distillation: {steps: 2, learning_rate: 1.0e-3, batch: 4, checkpoint_every: 1}
        """), log).execute();
    Path study = tmp.resolve("target/gvgap/loop");
    JsonNode rounds = Json.mapper().readTree(study.resolve("rounds.json").toFile());
    assertThat(rounds.get("rounds")).hasSize(2);
    assertThat(study.resolve("models/round-1/model.onnx")).exists();
    assertThat(study.resolve("report.html")).content().contains("Content-Security-Policy");
    assertThat(log.text())
        .contains(
            "gvgap: round 0 arithmetic (evaluation split, ",
            "gvgap: round 1 arithmetic (evaluation split, ",
            "gvgap: report ");
  }

  @Test
  void anUnknownStrategyFailsTheBuildWithTheSpecsMessage() throws Exception {
    Path spec = spec("""
          rounds: 1
          verifier: logprob
          filter: quantile(alpha=0.9)
          update: continue
          distillation: {steps: 2, learning_rate: 1.0e-3, batch: 4, checkpoint_every: 1}
        """);
    assertThatThrownBy(() -> mojo(spec, new CapturingLog()).execute())
        .isInstanceOfAny(
            MojoFailureException.class, org.apache.maven.plugin.MojoExecutionException.class)
        .hasMessageContaining("quantile(alpha=0.9)");
  }

  @Test
  void anInlineSpecIsWrittenUnderTheBuildDirectoryAndRuns() throws Exception {
    String yaml = Files.readString(spec("""
          rounds: 1
          verifier: logprob
          filter: quantile(alpha=0.5)
          update: continue
          distillation: {steps: 1, learning_rate: 1.0e-3, batch: 4, checkpoint_every: 1}
        """));
    CapturingLog log = new CapturingLog();
    ImproveMojo mojo = mojo(tmp.resolve("unused.yaml"), log);
    mojo.specFile = null;
    mojo.spec = yaml;
    mojo.execute();
    assertThat(tmp.resolve("target/gvgap-inline/app-improve.yaml")).content().isEqualTo(yaml);
    assertThat(tmp.resolve("target/gvgap/loop/rounds.json")).exists();
    assertThat(log.text()).contains("gvgap: round 1 arithmetic (evaluation split, ");
  }

  @Test
  void neitherASpecFileNorAnInlineSpecFailsTheBuildSayingWhatToSet() {
    ImproveMojo mojo = mojo(tmp.resolve("unused.yaml"), new CapturingLog());
    mojo.specFile = null;
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("no run spec")
        .hasMessageContaining("<specFile>")
        .hasMessageContaining("-Dgvgap.improveSpec=FILE");
  }
}
