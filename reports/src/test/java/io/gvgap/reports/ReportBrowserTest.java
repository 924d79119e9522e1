package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.ScoreRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens generated reports in headless Chromium: no console error, no network request, every chart
 * drawn, the drill-down search and filters narrow the rows, sorting works, and no injected payload
 * runs. Saves screenshots under {@code target/} for people to look at.
 */
@Tag("browser")
class ReportBrowserTest {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static Chromium chromium;

  @TempDir
  Path temp;

  @BeforeAll
  static void startBrowser() throws Exception {
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** Opens a report and waits for report.js to say every chart is drawn. */
  private static String open(Path report) throws InterruptedException {
    chromium.errors.clear();
    chromium.requests.clear();
    String url = report.toUri().toString();
    chromium.navigate(url);
    chromium.waitFor(
        "window.gvgapReport && window.gvgapReport.ready && window.gvgapReport.examplesReady",
        READY_TIMEOUT);
    return url;
  }

  @Test
  void singleRunReportDrawsEverythingAndRunsNoInjectedCode() throws Exception {
    Path runDir = temp.resolve("run");
    new SyntheticRun().name("gsm8k-tiny").examples(40).samplesPerExample(8).writeTo(runDir);
    Path report = temp.resolve("report.html");
    ReportWriter.write(List.of(runDir), report);
    String url = open(report);

    // every chart has a canvas with drawn pixels: 2 sweeps (quantile, threshold), correlation, ROC,
    // calibration, pass@k for the one model x task
    JsonNode charts = chromium.evaluate(DRAWN_PIXELS_PER_CHART);
    assertThat(charts).hasSize(6);
    for (JsonNode drawn : charts) {
      assertThat(drawn.asInt()).as("non-transparent pixels of a chart canvas").isGreaterThan(2000);
    }

    // drill-down: all 40 examples match, the first page of rows is rendered
    assertThat(matching()).isEqualTo(40);
    assertThat(chromium
            .evaluate("document.querySelectorAll('.drill-list details.example').length")
            .asInt())
        .isEqualTo(40);

    // search narrows the rows to those whose text contains the query, counted independently here
    RunData run = RunDirectoryReader.read(runDir);
    search("ex-1");
    int expected = expectedMatches(run, "ex-1", "all");
    assertThat(expected).isEqualTo(11); // ex-1 and ex-10 .. ex-19: only their ids contain "ex-1"
    assertThat(matching()).isEqualTo(expected);
    assertThat(chromium
            .evaluate("document.querySelectorAll('.drill-list details.example').length")
            .asInt())
        .isEqualTo(expected);
    search("");
    setFilter("parse");
    assertThat(matching())
        .isEqualTo(expectedMatches(run, "", "parse"))
        .isLessThan(40)
        .isPositive();
    setFilter("incorrect");
    search("the answer is");
    int incorrectWithPhrase = expectedMatches(run, "the answer is", "incorrect");
    // both counts zero would pass an equality alone: the run has such examples, and not all 40 are
    assertThat(incorrectWithPhrase).isPositive().isLessThan(40);
    assertThat(matching()).isEqualTo(incorrectWithPhrase);
    setFilter("all");
    search("");

    // which samples each strategy kept, from weights.jsonl: 2 verifiers x 5 filters, a filter
    // option each
    assertThat(chromium
            .evaluate("document.querySelectorAll('.drill-filter option[value^=\"kept:\"]').length")
            .asInt())
        .isEqualTo(2 * SyntheticRun.filters().size());
    setFilter("kept:0"); // cot-score / quantile(alpha=0.1): the top tenth of each example's scores
    int keptByFirst = expectedMatches(run, "", "kept:0");
    assertThat(matching()).isEqualTo(keptByFirst).isPositive();
    chromium.evaluate("document.querySelector('.drill-list details.example').open = true; true");
    chromium.waitFor(
        "document.querySelectorAll('.drill-list .example-body').length === 1", READY_TIMEOUT);
    // the open example shows only the samples the strategy kept, each with its row of strategies
    JsonNode keptCells =
        chromium.evaluate("Array.from(document.querySelectorAll('.drill-list .example-body"
            + " .sample')).map(function (s) { return s.querySelector('table.kept tr:nth-child(2) td:nth-child(2)')"
            + ".textContent + ' ' + s.querySelectorAll('table.kept tr').length; })");
    assertThat(keptCells).isNotEmpty();
    keptCells.forEach(c -> assertThat(c.asText())
        .isEqualTo("kept " + (1 + 2 * SyntheticRun.filters().size())));
    setFilter("all");
    chromium.evaluate(
        "document.querySelectorAll('.drill-list details.example').forEach(function (d) {"
            + " d.open = false; }); true");

    // open the examples that carry payloads: their text shows as text, no element is created from
    // it
    chromium.evaluate(
        "document.querySelectorAll('.drill-list details.example').forEach(function (d, i) {"
            + " if (i < 6) { d.open = true; } }); true");
    chromium.waitFor(
        "document.querySelectorAll('.drill-list .example-body').length === 6", READY_TIMEOUT);
    String bodyText = chromium
        .evaluate("Array.from(document.querySelectorAll('.drill-list .example-body'))"
            + ".map(function (b) { return b.textContent; }).join('\\n')")
        .asText();
    for (String payload : SyntheticRun.PAYLOADS) {
      assertThat(bodyText).contains(payload.strip());
    }
    assertThat(chromium
            .evaluate(
                "document.querySelectorAll('.drill-list script, .drill-list img, .drill-list svg,"
                    + " .drill-list iframe').length")
            .asInt())
        .isZero();
    assertThat(chromium.evaluate("typeof window.__xss").asText()).isEqualTo("undefined");
    assertThat(chromium.evaluate("window.__cspViolations.length").asInt()).isZero();

    // sorting by the gap column: ascending, then descending with the best (largest gap) first
    int gapColumn = headerIndex("Gap");
    List<Double> ascending = sortAndRead(gapColumn);
    assertThat(ascending).isSorted().hasSize(2 * SyntheticRun.filters().size());
    List<Double> descending = sortAndRead(gapColumn);
    assertThat(descending).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(chromium
            .evaluate(
                "document.querySelector('#strategy-table tbody tr').classList.contains('best')")
            .asBoolean())
        .isTrue();
    assertThat(chromium
            .evaluate("document.querySelectorAll('#strategy-table tbody tr.best').length")
            .asInt())
        .isEqualTo(1);
    // text columns sort too
    int verifierColumn = headerIndex("Verifier");
    chromium.evaluate("document.querySelectorAll('#strategy-table thead button.sort')["
        + verifierColumn + "].click(); true");
    JsonNode verifierOrder =
        chromium.evaluate("Array.from(document.querySelectorAll('#strategy-table tbody tr'))"
            + ".map(function (r) { return r.cells[" + verifierColumn + "].dataset.sort; })");
    assertThat(verifierOrder.get(0).asText()).isEqualTo("cot-score");
    assertThat(verifierOrder.get(verifierOrder.size() - 1).asText()).isEqualTo("mc");

    // every number column heading links to its definition, and the anchors exist
    JsonNode missing = chromium.evaluate(
        "Array.from(document.querySelectorAll('a.def')).map(function (a) {"
            + " return a.getAttribute('href'); }).filter(function (h) { return !document.querySelector(h); })");
    assertThat(missing).isEmpty();

    // hovering a chart shows its tooltip (drawn as text in the canvas) without breaking the policy
    hoverChart("#gapCurves .chart");
    hoverChart("#roc .chart");
    chromium.screenshotViewport(Path.of("target", "report-tooltip-screenshot.png"));

    assertThat(chromium.errors)
        .as("console errors, uncaught exceptions, CSP reports")
        .isEmpty();
    assertThat(chromium.evaluate("window.__cspViolations.length").asInt()).isZero();
    assertThat(chromium.requests).as("network requests").allMatch(url::equals);
    chromium.evaluate("window.scrollTo(0, 0); true");
    chromium.screenshot(Path.of("target", "report-screenshot.png"), 7000);
  }

  @Test
  void severalRunsSideBySide() throws Exception {
    Path first = temp.resolve("a");
    Path second = temp.resolve("b");
    new SyntheticRun()
        .name("tiny-run")
        .examples(30)
        .samplesPerExample(8)
        .seed(1)
        .payloads(false)
        .writeTo(first);
    new SyntheticRun()
        .name("two-models")
        .models("tiny-1m", "tiny-4m")
        .examples(30)
        .samplesPerExample(8)
        .seed(2)
        .writeTo(second);
    Path report = temp.resolve("compare.html");
    ReportWriter.write(List.of(first, second), report);
    String url = open(report);

    // run a: 1 group, run b: 2 groups; each group has 2 sweeps + correlation + ROC + calibration +
    // pass@k
    JsonNode charts = chromium.evaluate(DRAWN_PIXELS_PER_CHART);
    assertThat(charts).hasSize(3 * 6);
    charts.forEach(drawn -> assertThat(drawn.asInt()).isGreaterThan(2000));
    // one best row per run x model x task
    assertThat(chromium
            .evaluate("document.querySelectorAll('#strategy-table tbody tr.best').length")
            .asInt())
        .isEqualTo(3);
    assertThat(chromium
            .evaluate("document.querySelectorAll('#strategy-table tbody tr').length")
            .asInt())
        .isEqualTo(3 * 2 * SyntheticRun.filters().size());
    assertThat(chromium
            .evaluate("document.querySelectorAll('#drillDown .run-block').length")
            .asInt())
        .isEqualTo(2);
    // side by side without spilling out of the window: wide tables scroll inside their cards
    assertThat(chromium
            .evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            .asBoolean())
        .as(
            "elements reaching past the window: %s",
            chromium.evaluate(
                "Array.from(document.querySelectorAll('body *'))"
                    + ".filter(function (e) { return e.getBoundingClientRect().right > window.innerWidth + 1; }).slice(0, 8)"
                    + ".map(function (e) { return e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right); })"))
        .isTrue();
    assertThat(chromium.errors).isEmpty();
    assertThat(chromium.requests).allMatch(url::equals);
    chromium.evaluate("window.scrollTo(0, 0); true");
    chromium.screenshot(Path.of("target", "report-two-runs-screenshot.png"), 5000);
  }

  @Test
  void partialRunIsMarkedAndShowsWhatExists() throws Exception {
    Path runDir = temp.resolve("crashed");
    new SyntheticRun()
        .name("crashed")
        .examples(20)
        .samplesPerExample(8)
        .interrupted(5)
        .withoutMetrics()
        .writeTo(runDir);
    Path report = temp.resolve("partial.html");
    ReportWriter.write(List.of(runDir), report);
    String url = open(report);

    String banner = chromium
        .evaluate("document.getElementById('partial-banner').textContent")
        .asText();
    assertThat(banner).contains("PARTIAL").contains("STARTED").contains("metrics.json is missing");
    assertThat(chromium
            .evaluate("document.getElementById('strategy-table') === null")
            .asBoolean())
        .isTrue();
    // without metrics: ROC, calibration and pass@k still come from samples and scores
    JsonNode charts = chromium.evaluate(DRAWN_PIXELS_PER_CHART);
    assertThat(charts).hasSize(3);
    charts.forEach(drawn -> assertThat(drawn.asInt()).isGreaterThan(2000));
    assertThat(chromium
            .evaluate("document.querySelectorAll('#gapCurves .note').length")
            .asInt())
        .isEqualTo(1);
    assertThat(matching()).isEqualTo(20);
    assertThat(chromium.errors).isEmpty();
    assertThat(chromium.requests).allMatch(url::equals);
    chromium.screenshot(Path.of("target", "report-partial-screenshot.png"), 3000);
  }

  /**
   * A scaling study's section: one table row per fit (none picked) with its intervals, order shares
   * and excluded members (their reasons shown as text, never markup), and one chart per measure.
   */
  @Test
  void scalingSectionShowsEveryFitAndItsExclusions() throws Exception {
    Path runDir = temp.resolve("family");
    new SyntheticRun().examples(6).samplesPerExample(4).payloads(false).writeTo(runDir);
    StringBuilder fits = new StringBuilder();
    String[] measures = {
      "relative-gap-pooled", "relative-gap-per-prompt", "gap-share-of-oracle", "gap"
    };
    for (String measure : measures) {
      for (String verifier : new String[] {"v1", "v2"}) {
        fits.append(fits.length() == 0 ? "" : ",").append("""
            {"task": "t", "verifier": "%s", "filter": "f", "measure": "%s",
             "points": [{"model": "a", "flops": 1e10, "log10Flops": 10, "value": 0.1, "lower": 0.0, "upper": 0.2},
                        {"model": "b", "flops": 1e11, "log10Flops": 11, "value": 0.3, "lower": 0.2, "upper": 0.4},
                        {"model": "c", "flops": 1e12, "log10Flops": 12, "value": null, "lower": null, "upper": null}],
             "excluded": [{"model": "c", "reason": "saturated <img src=x onerror=alert(1)>"}],
             "fit": {"points": 2, "slope": 0.2, "intercept": -1.9, "slopeLower": null, "slopeUpper": null,
                     "confidence": 0.95, "rSquared": 1},
             "bootstrap": {"draws": 100, "definedDraws": 100, "slopeLower": 0.05, "slopeUpper": 0.35,
                           "confidence": 0.95, "increasingShare": 0.9, "decreasingShare": 0.0,
                           "observedOrder": "increasing"},
             "weighted": {"points": 2, "slope": 0.2, "intercept": -1.9, "slopeLower": 0.0, "slopeUpper": 0.4,
                          "confidence": 0.95, "chiSquare": 0, "degreesOfFreedom": 0, "scaleFactor": 1,
                          "leftOut": [], "note": ""},
             "seedSpread": {"groups": [], "pooledSd": 0.071, "degreesOfFreedom": 2,
                            "meansFit": {"points": 3, "slope": 0.2, "intercept": -1.9, "slopeLower": -0.125,
                                         "slopeUpper": 0.525, "confidence": 0.95, "rSquared": 0.9},
                            "changeOverSpan": 0.4, "note": "2 of 3 sizes have several seeds"}}
            """.formatted(verifier, measure));
      }
    }
    java.nio.file.Files.writeString(runDir.resolve("scaling.json"), """
        {"run": "family", "intervalMethod": "t", "bootstrapMethod": "joint", "weightedMethod": "wls",
         "bootstrapDraws": 100, "bootstrapSeed": 3, "oracle": "oracle",
         "multiplicity": {"fits": 8, "note": "8 fits with a prompt-bootstrap slope interval"},
         "fits": [%s]}
        """.formatted(fits));
    Path report = temp.resolve("scaling.html");
    ReportWriter.write(List.of(runDir), report);
    String url = open(report);
    assertThat(chromium
            .evaluate("document.querySelectorAll('#scaling table.scaling-fits tr').length")
            .asInt())
        .isEqualTo(1 + 8);
    String table = chromium
        .evaluate("document.querySelector('#scaling table.scaling-fits').textContent")
        .asText();
    assertThat(table)
        .contains("gap-share-of-oracle")
        .contains("[+0.050, +0.350]")
        .contains("90 %")
        .contains("c (saturated <img src=x onerror=alert(1)>)")
        // the seed spread and the slope through one mean per size
        .contains("seed sd")
        .contains("0.071")
        .contains("[-0.125, +0.525]");
    assertThat(chromium
            .evaluate("document.querySelectorAll('#scaling img').length")
            .asInt())
        .isZero();
    assertThat(
            chromium.evaluate("document.getElementById('scaling').textContent").asText())
        .contains("Multiplicity: 8 fits");
    // one chart per task x measure, each drawn
    JsonNode drawn = chromium.evaluate(
        "Array.from(document.querySelectorAll('#scaling .chart')).map(function (div) {"
            + " var canvas = div.querySelector('canvas'); if (!canvas) { return 0; }"
            + " var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
            + " var n = 0; for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { n++; } }"
            + " return n; })");
    assertThat(drawn).hasSize(4);
    drawn.forEach(d -> assertThat(d.asInt()).isGreaterThan(2000));
    assertThat(chromium.errors).isEmpty();
    assertThat(chromium.requests).allMatch(url::equals);
  }

  /**
   * The policy is a second line of defence: if an escaping bug ever let markup through, an inline
   * script or event handler would still not run. Simulated by splicing both into a written report;
   * the two CSP violations this reports are the expected ones, and the page otherwise works.
   */
  @Test
  void policyBlocksMarkupThatSlipsThrough() throws Exception {
    Path runDir = temp.resolve("run");
    new SyntheticRun().examples(10).samplesPerExample(4).payloads(false).writeTo(runDir);
    Path report = temp.resolve("tampered.html");
    ReportWriter.write(List.of(runDir), report);
    String html = java.nio.file.Files.readString(report);
    html = html.replace(
        "<main>",
        "<main><script>window.__xss = 'inline';</script>"
            + "<svg><rect width=\"1\" height=\"1\" onload=\"window.__xss = 'handler'\"/></svg>");
    java.nio.file.Files.writeString(report, html);
    open(report);
    assertThat(chromium.evaluate("typeof window.__xss").asText()).isEqualTo("undefined");
    assertThat(chromium.evaluate("window.__cspViolations.join(' | ')").asText())
        .contains("script-src");
    assertThat(chromium.errors).hasSize(2).allMatch(e -> e.contains("Content Security Policy"));
    assertThat(chromium.errors)
        .anyMatch(e -> e.contains("Executing inline script violates"))
        .anyMatch(e -> e.contains("Executing inline event handler violates"));
    System.out.println("expected CSP violations of the tampered page: " + chromium.errors);
    assertThat(chromium.evaluate("window.gvgapReport.charts").asInt()).isEqualTo(6);
  }

  /** For each chart: how many canvas pixels are not fully transparent. */
  static final String DRAWN_PIXELS_PER_CHART =
      "Array.from(document.querySelectorAll('.chart')).map(function (div) {"
          + " var canvas = div.querySelector('canvas'); if (!canvas) { return 0; }"
          + " var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
          + " var drawn = 0; for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { drawn++; } }"
          + " return drawn; })";

  /** Moves the real mouse over the middle of a chart's plot, where points and lines are. */
  private static void hoverChart(String selector) throws InterruptedException {
    JsonNode box =
        chromium.evaluate("(function () { var c = document.querySelector('" + selector + "');"
            + " c.scrollIntoView({block: 'center'}); var r = c.getBoundingClientRect();"
            + " return [r.left + r.width * 0.3, r.top + r.height * 0.45]; })()");
    for (int step = 0; step < 10; step++) {
      var event = new com.fasterxml.jackson.databind.ObjectMapper()
          .createObjectNode()
          .put("type", "mouseMoved")
          .put("x", box.get(0).asDouble() + step * 15)
          .put("y", box.get(1).asDouble());
      chromium.send("Input.dispatchMouseEvent", event);
      Thread.sleep(30);
    }
  }

  private static int matching() {
    return chromium
        .evaluate("Number(document.querySelector('.drill-count').dataset.matching)")
        .asInt();
  }

  private static void search(String query) throws InterruptedException {
    chromium.evaluate("(function () { var s = document.querySelector('.drill-search'); s.value = "
        + quote(query) + "; s.dispatchEvent(new Event('input')); return true; })()");
    // the search is debounced by 120 ms
    Thread.sleep(400);
  }

  private static void setFilter(String mode) {
    chromium.evaluate("(function () { var f = document.querySelector('.drill-filter'); f.value = "
        + quote(mode) + "; f.dispatchEvent(new Event('change')); return true; })()");
  }

  private static int headerIndex(String term) {
    JsonNode headers = chromium.evaluate(
        "Array.from(document.querySelectorAll('#strategy-table thead button.sort'))"
            + ".map(function (b) { return b.textContent.trim(); })");
    for (int i = 0; i < headers.size(); i++) {
      if (headers.get(i).asText().equals(term)) {
        return i;
      }
    }
    throw new AssertionError("no column " + term + " in " + headers);
  }

  private static List<Double> sortAndRead(int column) {
    JsonNode values = chromium.evaluate("(function () {"
        + " document.querySelectorAll('#strategy-table thead button.sort')[" + column + "].click();"
        + " return Array.from(document.querySelectorAll('#strategy-table tbody tr')).map(function (r) {"
        + " return Number(r.cells[" + column + "].dataset.sort); }); })()");
    List<Double> list = new ArrayList<>();
    values.forEach(v -> list.add(v.asDouble()));
    return list;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * The drill-down rule, written again from its description: an example matches when one of its
   * samples passes the filter and the query (lower-cased) occurs in the example's id, question or
   * reference, or in that sample's text, answer, or a verifier's verdict or raw output.
   */
  private static int expectedMatches(RunData run, String query, String mode) {
    String q = query.trim().toLowerCase(Locale.ROOT);
    Set<String> matched = new HashSet<>();
    RunGroups groups = RunGroups.of(run);
    for (GroupData group : groups.groups()) {
      for (String id : group.exampleIds()) {
        var example = groups.example(group.task(), id);
        String exampleText = (id + "\n" + nullToEmpty(example.question()) + "\n"
                + nullToEmpty(example.reference()))
            .toLowerCase(Locale.ROOT);
        for (SampleRecord sample : group.samples(id)) {
          List<SampleScore> scores = new ArrayList<>();
          for (ScoreRecord record : run.scores()) {
            if (record.exampleId().equals(id) && record.model().equals(group.model())) {
              record.scores().stream()
                  .filter(s -> s.sampleIndex() == sample.sampleIndex())
                  .forEach(scores::add);
            }
          }
          boolean passes = switch (mode) {
            case "kept:0" -> {
              var strategy = group.strategies().get(0);
              var weights = group.weights(id, strategy);
              yield weights != null
                  && weights.stream()
                      .anyMatch(w -> w.sampleIndex() == sample.sampleIndex() && w.kept());
            }
            case "parse" -> scores.stream().anyMatch(s -> s.value() == null);
            case "incorrect" -> sample.utility() < 0.5;
            default -> true;
          };
          StringBuilder sampleText = new StringBuilder(sample.text())
              .append('\n')
              .append(sample.answer() == null ? "" : sample.answer());
          scores.forEach(
              s -> sampleText.append('\n').append(s.verdict()).append('\n').append(s.rawOutput()));
          if (passes
              && (q.isEmpty()
                  || exampleText.contains(q)
                  || sampleText.toString().toLowerCase(Locale.ROOT).contains(q))) {
            matched.add(group.model() + "/" + id);
          }
        }
      }
    }
    return matched.size();
  }
}
