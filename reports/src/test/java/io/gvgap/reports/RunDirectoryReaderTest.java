package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryReaderTest {

  @TempDir
  Path temp;

  @Test
  void missingDirectoryIsAClearError() {
    Path missing = temp.resolve("nope");
    assertThatThrownBy(() -> RunDirectoryReader.read(missing))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("no such run directory");
  }

  @Test
  void directoryWithoutRunJsonIsNotARun() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("other"));
    Files.writeString(dir.resolve("notes.txt"), "hello");
    assertThatThrownBy(() -> RunDirectoryReader.read(dir))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("not a gvgap run directory")
        .hasMessageContaining("run.json");
  }

  @Test
  void completeRunReadsWhole() {
    Path dir = temp.resolve("run");
    new SyntheticRun().examples(12).samplesPerExample(4).writeTo(dir);
    RunData run = RunDirectoryReader.read(dir);
    assertThat(run.partial()).isFalse();
    assertThat(run.info().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.examples()).hasSize(12);
    assertThat(run.samples()).hasSize(12 * 4);
    // one score line per verifier x example
    assertThat(run.scores()).hasSize(2 * 12);
    assertThat(run.metrics().groups()).hasSize(1);
    assertThat(run.metricsSource()).isEqualTo(RunData.MetricsSource.METRICS_JSON);
    assertThat(run.spec().path("filters")).hasSize(5);
    assertThat(run.plugins()).hasSize(6);
    assertThat(run.name()).isEqualTo("synthetic");
  }

  @Test
  void interruptedRunWithoutMetricsIsPartialWithReasons() {
    Path dir = temp.resolve("crashed");
    RunMetrics computed = new SyntheticRun()
        .examples(10)
        .samplesPerExample(4)
        .interrupted(3)
        .withoutMetrics()
        .writeTo(dir);
    RunData run = RunDirectoryReader.read(dir);
    assertThat(run.partial()).isTrue();
    assertThat(run.metrics()).isNull();
    assertThat(run.metricsSource()).isEqualTo(RunData.MetricsSource.NONE);
    assertThat(run.partialReasons()).hasSize(2);
    assertThat(run.partialReasons().get(0)).contains("STARTED");
    assertThat(run.partialReasons().get(1)).startsWith("metrics.json is missing");
    // the samples of the unscored examples are still there
    assertThat(run.samples()).hasSize(10 * 4);
    assertThat(run.scores()).hasSize(2 * 7);

    // the summary counts the 3 examples whose scores were never written
    assertThat(groupRow(run).get("incomplete")).isEqualTo("3");

    // metrics computed elsewhere (the CLI) replace the missing-metrics reason; the run stays
    // partial
    RunData withMetrics = run.withMetrics(computed);
    assertThat(withMetrics.metrics()).isSameAs(computed);
    assertThat(withMetrics.metricsSource()).isEqualTo(RunData.MetricsSource.COMPUTED_FOR_REPORT);
    assertThat(withMetrics.partialReasons()).hasSize(2);
    assertThat(withMetrics.partialReasons().get(0)).contains("STARTED");
    assertThat(withMetrics.partialReasons().get(1))
        .isEqualTo("metrics leave out incomplete examples: tiny-1m/gsm8k: 3 incomplete examples");
    assertThat(groupRow(withMetrics).get("incomplete")).isEqualTo("3");
    assertThat(groupRow(withMetrics).get("accuracy"))
        .isEqualTo(Numbers.decimal(computed.groups().get(0).metrics().accuracy().value()));
  }

  @SuppressWarnings("unchecked")
  private static java.util.Map<String, String> groupRow(RunData run) {
    var groups = (java.util.List<java.util.Map<String, String>>)
        RunSummary.of(RunGroups.of(run), 0).get("groups");
    assertThat(groups).hasSize(1);
    return groups.get(0);
  }

  @Test
  void failedRunShowsItsError() {
    Path dir = temp.resolve("failed");
    new SyntheticRun()
        .examples(5)
        .samplesPerExample(4)
        .failed("backend crashed: out of memory")
        .writeTo(dir);
    RunData run = RunDirectoryReader.read(dir);
    assertThat(run.partial()).isTrue();
    assertThat(run.partialReasons())
        .containsExactly("the run stopped with an error: backend crashed: out of memory");
    assertThat(run.metrics()).isNotNull();
  }

  @Test
  void damagedMetricsNameTheFile() throws Exception {
    Path dir = temp.resolve("damaged");
    new SyntheticRun().examples(5).samplesPerExample(4).writeTo(dir);
    Files.writeString(dir.resolve("metrics.json"), "{\"run\": 3, ");
    assertThatThrownBy(() -> RunDirectoryReader.read(dir))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining(dir.resolve("metrics.json").toString())
        .hasMessageContaining("not a valid metrics.json");
  }
}
