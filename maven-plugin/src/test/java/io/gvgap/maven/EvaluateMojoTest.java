package io.gvgap.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gvgap.core.metrics.MetricFormat;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.core.spec.SpecException;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gvgap:evaluate} run in-process on the scripted test model (gvgap-testing is on the test
 * classpath, so the plugin's class loader finds it as it would find a plugin dependency).
 */
class EvaluateMojoTest {

  @TempDir
  Path tmp;

  private final CapturingLog log = new CapturingLog();

  static final String GOOD = """
      name: toy
      models:
        - backend: scripted
      tasks:
        - name: toy-sums
          limit: 6
      generation: {samples: 4, batch_examples: 4}
      verifiers:
        - name: scripted-judge
        - name: oracle
      filters:
        - name: threshold
          sweep: {tau: [0.5, 0.9]}
        - name: best-of-n
      metrics: {bootstrap: 50, pass_at_k: [1, 2]}
      """;

  private EvaluateMojo mojo() {
    EvaluateMojo mojo = new EvaluateMojo();
    mojo.setLog(log);
    mojo.buildDirectory = tmp.resolve("target").toFile();
    mojo.projectDirectory = tmp.toFile();
    mojo.outputDirectory = tmp.resolve("target/gvgap").toFile();
    mojo.artifactId = "demo";
    mojo.gapStrategy = "best";
    return mojo;
  }

  /** GOOD as Maven passes an inline spec: trimmed, every line after the first indented by the XML. */
  private static String asMavenInline(String yaml) {
    return yaml.strip().replace("\n", "\n          ");
  }

  private Path specFile(String text) throws IOException {
    Path file = tmp.resolve("spec.yaml");
    Files.writeString(file, text);
    return file;
  }

  private RunMetrics metrics(Path runDirectory) throws IOException {
    return Json.mapper()
        .readValue(runDirectory.resolve(RunStore.METRICS_JSON).toFile(), RunMetrics.class);
  }

  @Test
  void inlineSpecRunsIntoTargetGvgapAndLogsTheGapTable() throws Exception {
    EvaluateMojo mojo = mojo();
    mojo.spec = asMavenInline(GOOD);
    mojo.execute();
    Path run = tmp.resolve("target/gvgap/toy");
    assertThat(RunStore.readInfo(run).status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(Files.readString(tmp.resolve("target/gvgap-inline/demo.yaml"))).isEqualTo(GOOD);
    assertThat(log.text())
        .contains(
            "gvgap: scripted / toy-sums (generate + verify): started (36 steps)",
            "scripted on toy-sums: 6 prompts",
            "threshold(tau=0.9)",
            "best-of-n",
            "gvgap: run directory " + run);
    // the logged J(f) is the one in metrics.json
    double accuracy = metrics(run).groups().get(0).metrics().accuracy().value();
    assertThat(log.text()).contains("J(f) = " + MetricFormat.fixed(accuracy));
    // the run's report, as `gvgap run` writes it: complete, so no PARTIAL banner
    assertThat(log.text()).contains("gvgap: report " + run.resolve("report.html"));
    assertThat(run.resolve("report.html"))
        .content()
        .contains("http-equiv=\"Content-Security-Policy\"", "toy-sums")
        .doesNotContain("id=\"partial-banner\"");
  }

  @Test
  void anInlineSpecWithoutNameIsNamedAfterTheArtifact() throws Exception {
    EvaluateMojo mojo = mojo();
    mojo.spec = asMavenInline(GOOD.replace("name: toy\n", ""));
    mojo.execute();
    assertThat(RunStore.readInfo(tmp.resolve("target/gvgap/demo")).status())
        .isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void aSpecFileRunsAndARerunFindsEverythingDone() throws Exception {
    EvaluateMojo mojo = mojo();
    mojo.specFile = specFile(GOOD).toFile();
    mojo.execute();
    assertThat(log.text()).contains("24 samples generated");
    log.lines.clear();
    mojo.execute();
    assertThat(log.text()).contains("0 samples generated, 0 example verifications");
    assertThat(RunStore.readInfo(tmp.resolve("target/gvgap/toy")).attempts()).isEqualTo(2);
  }

  @Test
  void aBadSpecFailsWithTheCommandLinesMessage() throws Exception {
    Path file = specFile(GOOD.replace("name: oracle", "name: oracel"));
    // what `gvgap validate` and `gvgap run` print after "gvgap: error: "
    SpecException cli = catchThrowableOfType(
        () -> RunSpecResolver.resolve(
            RunSpecLoader.load(file), PluginRegistry.load(getClass().getClassLoader()), file),
        SpecException.class);
    EvaluateMojo mojo = mojo();
    mojo.specFile = file.toFile();
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(cli.getMessage())
        .hasMessageContaining("spec.yaml:10:")
        .hasMessageContaining("verifiers[1]")
        .hasMessageContaining("did you mean 'oracle'");
    assertThat(tmp.resolve("target/gvgap/toy")).doesNotExist();
  }

  @Test
  void aMissingSpecFileFailsWithWhereItLooked() {
    EvaluateMojo mojo = mojo();
    mojo.specFile = tmp.resolve("nope.yaml").toFile();
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("nope.yaml:1:1: the spec file does not exist");
  }

  @Test
  void anInlineSpecErrorNamesTheWrittenFileAndItsLine() {
    EvaluateMojo mojo = mojo();
    mojo.spec = asMavenInline(GOOD.replace("samples: 4", "samples: -4"));
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith(tmp.resolve("target/gvgap-inline/demo.yaml") + ":7:")
        .hasMessageContaining("generation.samples");
  }

  @Test
  void neitherOrBothSpecsAreRefused() throws IOException {
    EvaluateMojo neither = mojo();
    assertThatThrownBy(neither::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("no run spec");
    EvaluateMojo both = mojo();
    both.spec = GOOD;
    both.specFile = specFile(GOOD).toFile();
    assertThatThrownBy(both::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("both <specFile>");
  }

  @Test
  void theAccuracyGateFailsTheBuildWithTheMeasuredValue() throws Exception {
    EvaluateMojo mojo = mojo();
    mojo.spec = GOOD;
    // the scripted model answers each prompt correctly 10 % to 90 % of the time: J(f) < 1
    mojo.failIfAccuracyBelow = 1.0;
    MojoFailureException failure = catchThrowableOfType(mojo::execute, MojoFailureException.class);
    double accuracy = metrics(tmp.resolve("target/gvgap/toy"))
        .groups()
        .get(0)
        .metrics()
        .accuracy()
        .value();
    assertThat(accuracy).isLessThan(1.0);
    assertThat(failure)
        .hasMessageContaining("run 'toy' failed 1 gate(s)")
        .hasMessageContaining(
            "J(f), the accuracy of all samples, of model 'scripted' on task 'toy-sums' is "
                + MetricFormat.fixed(accuracy) + ", below failIfAccuracyBelow = 1.0");
    // the report is written before the gates, so a failed build still has it
    assertThat(tmp.resolve("target/gvgap/toy/report.html")).isRegularFile();
  }

  @Test
  void theOracleNeverHasANegativeGapSoItsGateAtZeroPasses() throws Exception {
    EvaluateMojo mojo = mojo();
    mojo.spec = GOOD;
    mojo.failIfGapBelow = 0.0;
    mojo.gapStrategy = "oracle/threshold(tau=0.5)";
    mojo.failIfAccuracyBelow = 0.0;
    mojo.execute();
    assertThat(log.text()).contains("gvgap: all gates passed");
  }

  @Test
  void aGapAboveTheHeadroomFailsTheBestStrategysGate() throws Exception {
    EvaluateMojo mojo = mojo();
    mojo.spec = GOOD;
    // gap = J(f[w]) - J(f) <= 1 - J(f) < 1 for every strategy, since J(f) > 0 here
    mojo.failIfGapBelow = 1.0;
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("the gap of the best strategy, ")
        .hasMessageContaining("below failIfGapBelow = 1.0");
  }

  @Test
  void anUnknownGapStrategyFailsBeforeAnyModelWork() {
    EvaluateMojo mojo = mojo();
    mojo.spec = GOOD;
    mojo.failIfGapBelow = 0.0;
    mojo.gapStrategy = "oracle/threshold";
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("gapStrategy 'oracle/threshold' is not a strategy of the run 'toy'")
        .hasMessageContaining(
            "oracle/threshold(tau=0.5), oracle/threshold(tau=0.9), oracle/best-of-n");
    assertThat(tmp.resolve("target/gvgap/toy")).doesNotExist();
  }

  @Test
  void skipRunsNothing() throws Exception {
    EvaluateMojo mojo = mojo();
    mojo.spec = GOOD;
    mojo.skip = true;
    mojo.execute();
    assertThat(tmp.resolve("target")).doesNotExist();
    assertThat(log.lines).containsExactly("gvgap: skipped (skip / gvgap.skip is true)");
  }
}
