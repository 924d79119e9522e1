package io.gvgap.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gvgap:report} in-process on run directories that {@code gvgap:evaluate} wrote with the
 * scripted test model.
 */
class ReportMojoTest {

  private static final String CSP_META = "<meta http-equiv=\"Content-Security-Policy\"";
  private static final String BANNER = "id=\"partial-banner\"";

  @TempDir
  Path tmp;

  private final CapturingLog log = new CapturingLog();

  /** Evaluates EvaluateMojoTest's spec under the run name {@code name} into tmp/target/gvgap. */
  private Path evaluate(String name) throws Exception {
    EvaluateMojo evaluate = new EvaluateMojo();
    evaluate.setLog(new CapturingLog());
    evaluate.buildDirectory = tmp.resolve("target").toFile();
    evaluate.projectDirectory = tmp.toFile();
    evaluate.outputDirectory = tmp.resolve("target/gvgap").toFile();
    evaluate.artifactId = "demo";
    evaluate.gapStrategy = "best";
    evaluate.spec = EvaluateMojoTest.GOOD.replace("name: toy\n", "name: " + name + "\n");
    evaluate.execute();
    return tmp.resolve("target/gvgap").resolve(name);
  }

  private ReportMojo mojo() {
    ReportMojo mojo = new ReportMojo();
    mojo.setLog(log);
    mojo.outputDirectory = tmp.resolve("target/gvgap").toFile();
    return mojo;
  }

  /** What a crash before the end leaves: no metrics.json, and run.json still saying STARTED. */
  private static void crashBeforeMetrics(Path run) throws IOException {
    Files.delete(run.resolve(RunStore.METRICS_JSON));
    Path info = run.resolve(RunStore.RUN_JSON);
    Files.writeString(info, Files.readString(info).replace("\"SUCCESS\"", "\"STARTED\""));
  }

  @Test
  void byDefaultTheOneRunUnderTargetGvgapGetsItsReportRerendered() throws Exception {
    Path run = evaluate("toy");
    Path report = run.resolve("report.html");
    Files.delete(report);
    mojo().execute();
    assertThat(report)
        .content()
        .contains(CSP_META, "toy-sums", "<title>gvgap report: toy</title>")
        .doesNotContain(BANNER);
    assertThat(log.text()).isEqualTo("gvgap: report of run " + run + " written to " + report);
  }

  @Test
  void severalRunsGoSideBySideIntoOneReportBesideThem() throws Exception {
    evaluate("beta");
    evaluate("alpha");
    // not runs: a stray file and a folder without run.json are passed over
    Files.writeString(tmp.resolve("target/gvgap/notes.txt"), "x");
    Files.createDirectories(tmp.resolve("target/gvgap/scratch"));
    assertThat(ReportMojo.runDirectoriesUnder(tmp.resolve("target/gvgap")))
        .containsExactly(tmp.resolve("target/gvgap/alpha"), tmp.resolve("target/gvgap/beta"));
    mojo().execute();
    Path report = tmp.resolve("target/gvgap/report.html");
    assertThat(report)
        .content()
        .contains(CSP_META, "<title>gvgap report: 2 runs</title>", "alpha", "beta");
    assertThat(log.text()).contains("2 runs", "written to " + report);
  }

  @Test
  void namedRunsAndOutputFileAreUsedAsGiven() throws Exception {
    Path alpha = evaluate("alpha");
    evaluate("beta");
    ReportMojo mojo = mojo();
    mojo.runDirectories = List.of(alpha.toFile());
    mojo.outputFile = tmp.resolve("site/gap.html").toFile();
    mojo.execute();
    assertThat(tmp.resolve("site/gap.html"))
        .content()
        .contains("<title>gvgap report: alpha</title>");
    assertThat(tmp.resolve("target/gvgap/report.html")).doesNotExist();
  }

  @Test
  void aCrashedRunIsReportedPartialWithMetricsOverItsCompleteExamples() throws Exception {
    Path run = evaluate("toy");
    crashBeforeMetrics(run);
    mojo().execute();
    assertThat(run.resolve("report.html"))
        .content()
        .contains(BANNER)
        .contains("computed for this report over the complete examples");
    assertThat(log.text()).contains("WARN gvgap: run 'toy' is partial: run.json says STARTED");
    // the report recomputes; it does not write metrics.json into the run
    assertThat(run.resolve(RunStore.METRICS_JSON)).doesNotExist();
  }

  @Test
  void noRunDirectoryFailsWithWhereItLookedAndWhatToDo() {
    ReportMojo mojo = mojo();
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(
            "no run directory (a folder with run.json) under " + tmp.resolve("target/gvgap"))
        .hasMessageContaining("run gvgap:evaluate first");
  }

  @Test
  void aFolderThatIsNotARunFailsWithTheCommandLinesMessage() throws IOException {
    Path notRun = Files.createDirectories(tmp.resolve("nothing"));
    ReportMojo mojo = mojo();
    mojo.runDirectories = List.of(notRun.toFile());
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining(notRun.toString())
        .hasMessageContaining("not a gvgap run directory");
  }

  @Test
  void skipWritesNothing() throws Exception {
    Path run = evaluate("toy");
    Files.delete(run.resolve("report.html"));
    ReportMojo mojo = mojo();
    mojo.skip = true;
    mojo.execute();
    assertThat(run.resolve("report.html")).doesNotExist();
    assertThat(log.lines).containsExactly("gvgap: skipped (skip / gvgap.skip is true)");
  }
}
