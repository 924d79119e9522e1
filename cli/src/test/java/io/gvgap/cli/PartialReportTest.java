package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report of a damaged or unfinished run says on the console and in the page why it is partial. */
class PartialReportTest {

  @TempDir
  Path tmp;

  @Test
  void aTornLastLineMakesTheReportPartialAndSaysWhy() throws Exception {
    Path spec = tmp.resolve("spec.yaml");
    Files.writeString(spec, """
        name: toy
        models:
          - backend: scripted
        tasks:
          - name: toy-sums
            limit: 4
        generation: {samples: 2, batch_examples: 4}
        verifiers:
          - name: oracle
        filters:
          - name: best-of-n
        metrics: {bootstrap: 20}
        """);
    Path run = tmp.resolve("run");
    assertThat(InProcessGvgap.run("--quiet", "run", spec.toString(), "--output", run.toString())
            .code())
        .isZero();
    InProcessGvgap.Result clean = InProcessGvgap.run("--quiet", "report", run.toString());
    assertThat(clean.code()).isZero();
    assertThat(clean.err()).doesNotContain("PARTIAL");

    // a process killed in the middle of appending a sample leaves half a line
    Files.writeString(
        run.resolve("samples.jsonl"),
        "{\"model\":\"scripted\",\"ta",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    InProcessGvgap.Result torn = InProcessGvgap.run("--quiet", "report", run.toString());
    assertThat(torn.code()).isZero();
    assertThat(torn.err())
        .contains(run + " is PARTIAL: samples.jsonl ends in a torn line (23 bytes after its last"
            + " newline")
        .contains("run the spec again on this directory to repair the file");
    assertThat(Files.readString(run.resolve("report.html")))
        .contains("samples.jsonl ends in a torn line");
  }
}
