package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTargetTest {

  @TempDir
  Path tmp;

  @Test
  void aRunsOwnRecordsAreNeverAReportTarget() throws Exception {
    Path run = tmp.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve("samples.jsonl"), "{}\n");
    assertThatThrownBy(() -> ReportTarget.check(List.of(run), run.resolve("samples.jsonl")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inside the run directory " + run)
        .hasMessageContaining("run's records");
    assertThatThrownBy(() -> ReportTarget.check(List.of(run), run.resolve("new-notes.txt")))
        .hasMessageContaining("inside the run directory");
    assertThatCode(() -> ReportTarget.check(List.of(run), run.resolve("report.html")))
        .doesNotThrowAnyException();
  }

  @Test
  void anExistingFileIsReplacedOnlyWhenItIsAReport() throws Exception {
    Path run = tmp.resolve("run");
    Path notes = tmp.resolve("notes.html");
    Files.writeString(notes, "my notes, not a report");
    assertThatThrownBy(() -> ReportTarget.check(List.of(run), notes))
        .hasMessageContaining("exists and is not an HTML report");
    Path earlier = tmp.resolve("earlier.html");
    Files.writeString(earlier, "\n<!DOCTYPE html>\n<html lang=\"en\"></html>");
    assertThatCode(() -> ReportTarget.check(List.of(run), earlier)).doesNotThrowAnyException();
  }

  @Test
  void anEmptyPathOrADirectorySaysWhatToGive() {
    assertThatThrownBy(() -> ReportTarget.check(List.of(tmp), Path.of("")))
        .hasMessageContaining("the report path is empty");
    assertThatThrownBy(() -> ReportTarget.check(List.of(tmp.resolve("run")), tmp))
        .hasMessageContaining(tmp + " is a directory, not a file");
  }
}
