package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.metrics.VerifierMetrics;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStoreException;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written HTML without a browser: policy, escaping, embedded data against the run's metrics. */
class ReportWriterTest {

  private static final Pattern SCRIPT =
      Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);
  private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");

  @TempDir
  Path temp;

  private Path runDir;
  private RunMetrics metrics;
  private String html;

  @BeforeEach
  void writeReport() throws Exception {
    runDir = temp.resolve("run");
    metrics = new SyntheticRun().examples(30).samplesPerExample(8).writeTo(runDir);
    Path report = temp.resolve("out").resolve("report.html");
    ReportWriter.write(List.of(runDir), report);
    html = Files.readString(report, StandardCharsets.UTF_8);
  }

  @Test
  void policyAllowsExactlyTheInlinedScriptsAndNothingFromOutside() throws Exception {
    Matcher csp = Pattern.compile(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")
        .matcher(html);
    assertThat(csp.find()).isTrue();
    String policy = csp.group(1).replace("&#39;", "'");
    assertThat(policy)
        .startsWith("default-src 'none';")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval")
        .doesNotContain("http");
    List<String> executable = new ArrayList<>();
    List<String> dataScripts = new ArrayList<>();
    Matcher script = SCRIPT.matcher(html);
    while (script.find()) {
      (script.group(1).contains("application/json") ? dataScripts : executable)
          .add(script.group(2));
    }
    assertThat(executable).hasSize(2);
    // one data element per section of the one run (study sections have no data in a plain run)
    assertThat(dataScripts).hasSize((int)
        ReportSections.defaults().stream().filter(s -> !s.onlyWhenPresent()).count());
    for (String body : executable) {
      String hash = Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
      assertThat(policy).contains("'sha256-" + hash + "'");
    }
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
    assertThat(style.find()).isTrue();
    assertThat(policy)
        .contains("style-src 'sha256-"
            + Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(style.group(1).getBytes(StandardCharsets.UTF_8)))
            + "'");
    // nothing is loaded: outside the inlined scripts, no element that fetches and no src attribute
    String markup = SCRIPT.matcher(html).replaceAll("<script></script>");
    assertThat(markup)
        .doesNotContain("<link")
        .doesNotContain("<img")
        .doesNotContain("<iframe")
        .doesNotContain(" src=")
        .doesNotContain("url(");
  }

  @Test
  void modelTextNeverAppearsAsMarkup() throws Exception {
    for (String payload : SyntheticRun.PAYLOADS) {
      assertThat(html).doesNotContain(payload);
    }
    // outside the embedded JSON (where they are escaped text) the payloads appear nowhere
    assertThat(SCRIPT.matcher(html).replaceAll("")).doesNotContain("__xss");
    Matcher script = SCRIPT.matcher(html);
    JsonNode data = null;
    while (script.find()) {
      Matcher id = ID.matcher(script.group(1));
      if (id.find() && id.group(1).equals("data-drillDown-0")) {
        data = Json.mapper().readTree(script.group(2));
      }
    }
    assertThat(data).isNotNull();
    assertThat(html)
        .contains("data-section=\"drillDown\" data-run=\"0\" data-json=\"data-drillDown-0\"");
    // the embedded JSON still holds the payloads exactly: the browser shows them as text
    JsonNode parsed = data.path("examples");
    assertThat(parsed.get(1).path("q").asText())
        .contains(SyntheticRun.PAYLOADS.get(0))
        .contains(SyntheticRun.PAYLOADS.get(2));
    assertThat(parsed.get(1).path("s").get(0).path("x").asText())
        .contains(SyntheticRun.PAYLOADS.get(1));
  }

  @Test
  void sectionsAgreeWithTheRunsMetrics() {
    RunData run = RunDirectoryReader.read(runDir);
    RunGroups groups = RunGroups.of(run);
    GroupMetrics group = metrics.groups().get(0).metrics();

    // ROC: the trapezoid area of the curve from scores.jsonl equals the metrics' rank-based AUROC
    JsonNode roc = new RocSection().data(groups).path("groups").get(0).path("curves");
    assertThat(roc).hasSize(2);
    for (JsonNode curve : roc) {
      VerifierMetrics verifier = group.verifiers().stream()
          .filter(v -> v.verifier().equals(curve.path("verifier").asText()))
          .findFirst()
          .orElseThrow();
      assertThat(curve.path("auroc").asDouble()).isCloseTo(verifier.auroc(), within(1e-9));
      assertThat(curve.path("unscored").asInt()).isEqualTo(verifier.parseFailures());
    }

    // pass@k: the curve from samples.jsonl equals the metrics at k = 1, 4, 8
    JsonNode passAtK = new PassAtKSection().data(groups).path("groups").get(0);
    int compared = 0;
    for (JsonNode point : passAtK.path("curve")) {
      int k = point.get(0).asInt();
      var metric = group.passAtK().stream().filter(p -> p.k() == k).findFirst();
      if (metric.isPresent()) {
        assertThat(point.get(1).asDouble())
            .as("pass@%d", k)
            .isCloseTo(metric.get().estimate().value(), within(1e-12));
        compared++;
      }
    }
    // every metric's k has its point on the curve: a curve at other k would otherwise compare
    // nothing
    assertThat(compared).isEqualTo(group.passAtK().size()).isEqualTo(3);
    assertThat(passAtK.path("curve")).hasSize(4);
    assertThat(passAtK.path("metrics")).hasSize(3);

    // gap curves: quantile swept over alpha, threshold over tau, values from the strategies
    JsonNode sweeps = new GapCurvesSection().data(groups).path("groups").get(0).path("sweeps");
    assertThat(sweeps).hasSize(2);
    assertThat(sweeps.get(0).path("parameter").asText()).isEqualTo("alpha");
    JsonNode cotQuantile = sweeps.get(0).path("verifiers").get(0);
    assertThat(cotQuantile.path("verifier").asText()).isEqualTo("cot-score");
    assertThat(cotQuantile.path("points")).hasSize(3);
    for (JsonNode point : cotQuantile.path("points")) {
      StrategyMetrics s = group.strategies().stream()
          .filter(x -> x.verifier().equals("cot-score")
              && x.filter().equals(point.path("label").asText()))
          .findFirst()
          .orElseThrow();
      assertThat(point.path("gap").get(0).asDouble()).isEqualTo(s.gap().value());
      assertThat(point.path("gap").get(1).asDouble()).isEqualTo(s.gap().lower());
    }

    // correlation heatmap: 2 diagonal cells and the pair both ways
    JsonNode cells = new CorrelationSection().data(groups).path("groups").get(0).path("cells");
    assertThat(cells).hasSize(4);
    assertThat(cells.get(2).get(2).asDouble())
        .isEqualTo(group.correlations().get(0).spearman());

    // drill-down: every example and sample, parse failures as null scores
    JsonNode drill = new DrillDownSection().data(groups);
    assertThat(drill.path("examples")).hasSize(30);
    int samples = 0;
    int parseFailures = 0;
    for (JsonNode example : drill.path("examples")) {
      for (JsonNode sample : example.path("s")) {
        samples++;
        if (sample.path("v").get(0).get(0).isNull()) {
          parseFailures++;
        }
      }
    }
    assertThat(samples).isEqualTo(30 * 8);
    assertThat(parseFailures).isEqualTo(group.verifiers().get(0).parseFailures());
  }

  @Test
  void summaryTokensAreTheSumOverSamplesJsonl() throws Exception {
    long tokens = 0;
    try (BufferedReader reader = Files.newBufferedReader(runDir.resolve("samples.jsonl"))) {
      String line;
      while ((line = reader.readLine()) != null) {
        tokens += Json.mapper().readTree(line).path("tokenCount").asLong();
      }
    }
    assertThat(html)
        .contains("<td>" + String.format(java.util.Locale.ROOT, "%,d", tokens) + "</td>");
    assertThat(html).contains("id=\"def-gap\"").contains("href=\"#def-gap\"");
  }

  @Test
  void writesIntoTheRunDirectoryAndErrorsAreClear() {
    ReportWriter.write(List.of(runDir), runDir.resolve("report.html"));
    assertThat(runDir.resolve("report.html")).exists();
    assertThatThrownBy(
            () -> ReportWriter.write(List.of(temp.resolve("missing")), temp.resolve("x.html")))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("no such run directory");
    assertThatThrownBy(() -> ReportWriter.write(List.of(), temp.resolve("x.html")))
        .hasMessageContaining("no run directory given");
  }
}
