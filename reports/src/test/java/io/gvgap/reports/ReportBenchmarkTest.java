package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a timed test: the report of a 10,000-sample run (625 examples x 16 samples, two
 * verifiers, five filters): its file size, the time to write it, and the time from navigation start
 * to every chart drawn in headless Chromium (median of 5 loads). Run with
 * {@code -Dgvgap.bench=true}; prints the figures.
 */
@Tag("browser")
@EnabledIfSystemProperty(named = "gvgap.bench", matches = "true")
class ReportBenchmarkTest {

  @TempDir
  Path temp;

  @Test
  void tenThousandSampleReport() throws Exception {
    Path runDir = temp.resolve("bench");
    long t0 = System.nanoTime();
    new SyntheticRun()
        .name("bench-10k")
        .examples(625)
        .samplesPerExample(16)
        .longReasoning()
        .payloads(false)
        .writeTo(runDir);
    long t1 = System.nanoTime();
    Path report = temp.resolve("report.html");
    ReportWriter.write(List.of(runDir), report);
    long t2 = System.nanoTime();
    RunData run = RunDirectoryReader.read(runDir);
    assertThat(run.samples()).hasSize(10_000);

    List<Double> pageReady = new ArrayList<>();
    List<Double> wallReady = new ArrayList<>();
    List<Double> htmlParsed = new ArrayList<>();
    List<Double> examplesReady = new ArrayList<>();
    List<Double> scriptStart = new ArrayList<>();
    try (Chromium chromium = Chromium.launch()) {
      for (int load = 0; load < 5; load++) {
        chromium.errors.clear();
        long start = System.nanoTime();
        chromium.navigate(report.toUri().toString());
        chromium.waitFor("window.gvgapReport && window.gvgapReport.ready", Duration.ofSeconds(120));
        wallReady.add((System.nanoTime() - start) / 1e6);
        pageReady.add(chromium.evaluate("window.gvgapReport.readyAtMs").asDouble());
        scriptStart.add(chromium.evaluate("window.gvgapReport.scriptStartMs").asDouble());
        htmlParsed.add(chromium
            .evaluate("performance.getEntriesByType('navigation')[0].domInteractive")
            .asDouble());
        chromium.waitFor("window.gvgapReport.examplesReady", Duration.ofSeconds(120));
        examplesReady.add(
            chromium.evaluate("window.gvgapReport.examplesReadyAtMs").asDouble());
        assertThat(chromium.errors).isEmpty();
        assertThat(chromium.evaluate("window.gvgapReport.charts").asInt()).isEqualTo(6);
      }
      chromium.waitFor("window.gvgapReport.examplesReady", Duration.ofSeconds(60));
      // search over all 10,000 samples: time from the input event to the narrowed rows
      double searchMs = chromium
          .evaluate("new Promise(function (resolve) {"
              + " var s = document.querySelector('.drill-search'); var t = performance.now();"
              + " s.value = 'running total is 42'; s.dispatchEvent(new Event('input'));"
              + " setTimeout(function () { resolve(performance.now() - t - 120); }, 125); })")
          .asDouble();
      chromium.waitFor(
          "document.querySelector('.drill-count').dataset.matching !== '625'",
          Duration.ofSeconds(10));
      System.out.printf(
          Locale.ROOT,
          "search over 10,000 samples (first search builds the index): %.0f ms%n",
          Math.max(0, searchMs));
    }
    long bytes = Files.size(report);
    System.out.printf(
        Locale.ROOT,
        "10k-sample report: %,d bytes (%.1f MiB); run directory written in %.1f s;"
            + " report written in %.2f s%n",
        bytes,
        bytes / 1048576.0,
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "navigation start to all charts drawn (page clock), 5 loads: %s ms; median %.0f ms%n",
        format(pageReady),
        median(pageReady));
    System.out.printf(
        Locale.ROOT,
        "navigate call to ready seen by the test (wall clock): %s ms; median %.0f ms%n",
        format(wallReady),
        median(wallReady));
    System.out.printf(
        Locale.ROOT,
        "report script starts (HTML parsed, ECharts evaluated): %s ms; median %.0f ms%n",
        format(scriptStart),
        median(scriptStart));
    System.out.printf(
        Locale.ROOT,
        "domInteractive: %s ms; median %.0f ms%n",
        format(htmlParsed),
        median(htmlParsed));
    System.out.printf(
        Locale.ROOT,
        "drill-down rows drawn (page clock): %s ms; median %.0f ms%n",
        format(examplesReady),
        median(examplesReady));
  }

  private static String format(List<Double> values) {
    return values.stream()
        .map(v -> String.format(Locale.ROOT, "%.0f", v))
        .toList()
        .toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }
}
