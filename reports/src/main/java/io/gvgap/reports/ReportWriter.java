package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.gvgap.core.files.FileProblems;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.html}: one self-contained page (no network request when opened from disk)
 * for one run, or several side by side. The page is rendered by FreeMarker from {@code report.ftlh};
 * each section's data is embedded as HTML-safe JSON (one element per section and run) and drawn by the inlined ECharts and {@code report.js},
 * which inserts model text with {@code textContent} only. A Content-Security-Policy allows exactly
 * the inlined scripts (by SHA-256) and nothing from the network.
 */
public final class ReportWriter {

  private static final Configuration FREEMARKER = configuration();
  private static final String POLICY =
      "default-src 'none'; script-src " + ScriptHash.sha256Source(InlineAssets.ECHARTS)
          + " " + ScriptHash.sha256Source(InlineAssets.APP_JS) + "; style-src "
          + ScriptHash.sha256Source(InlineAssets.CSS)
          + "; base-uri 'none'; form-action 'none'";

  private ReportWriter() {}

  /**
   * Reads the run directories and writes their report to {@code outFile}.
   *
   * @throws io.gvgap.core.store.RunStoreException when a directory is missing or not a gvgap run
   */
  public static void write(List<Path> runDirs, Path outFile) {
    if (runDirs.isEmpty()) {
      throw new IllegalArgumentException("no run directory given; name at least one");
    }
    List<RunData> runs = new ArrayList<>();
    for (Path dir : runDirs) {
      runs.add(RunDirectoryReader.read(dir));
    }
    writeRuns(runs, outFile);
  }

  /** Writes the report of runs already read (e.g. with metrics computed by the caller). */
  public static void writeRuns(List<RunData> runs, Path outFile) {
    String html = render(runs);
    try {
      Path parent = outFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = outFile.resolveSibling(outFile.getFileName() + ".tmp");
      Files.writeString(tmp, html, StandardCharsets.UTF_8);
      Files.move(tmp, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report to " + outFile + ": " + FileProblems.explain(outFile, e), e);
    }
  }

  /** The report's HTML. */
  public static String render(List<RunData> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one run");
    }
    List<RunGroups> grouped = new ArrayList<>();
    runs.forEach(run -> grouped.add(RunGroups.of(run)));
    List<ReportSection> sections = ReportSections.defaults();

    // one JSON element per (section, run): the page parses each only when it draws that block, so
    // the large drill-down data does not delay the charts
    List<Map<String, Object>> summaries = new ArrayList<>();
    List<Map<String, String>> dataElements = new ArrayList<>();
    Map<String, String> dataIds = new LinkedHashMap<>();
    long dataChars = 0;
    for (int r = 0; r < grouped.size(); r++) {
      RunGroups run = grouped.get(r);
      for (ReportSection section : sections) {
        JsonNode sectionNode = section.data(run);
        if (sectionNode != null) {
          String id = "data-" + section.id() + "-" + r;
          String json = HtmlSafeJson.write(sectionNode);
          dataChars += json.length();
          dataElements.add(Map.of("id", id, "json", json));
          dataIds.put(section.id() + "/" + r, id);
        }
      }
      summaries.add(RunSummary.of(run, r));
    }

    List<Map<String, String>> sectionModels = new ArrayList<>();
    for (ReportSection section : sections) {
      boolean present =
          dataIds.keySet().stream().anyMatch(key -> key.startsWith(section.id() + "/"));
      if (section.onlyWhenPresent() && !present) {
        continue;
      }
      Map<String, String> model = new LinkedHashMap<>();
      model.put("id", section.id());
      model.put("title", section.title());
      model.put("anchor", section.definition().anchor());
      model.put("definition", section.definition().text());
      sectionModels.add(model);
    }

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", runs.size() == 1 ? runs.get(0).name() : runs.size() + " runs");
    model.put("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    model.put("anyPartial", runs.stream().anyMatch(RunData::partial));
    model.put("runs", summaries);
    model.put("columns", StrategyTable.columns(runs.size() > 1));
    model.put("rows", StrategyTable.rows(grouped));
    model.put("sections", sectionModels);
    model.put("definitions", Definitions.all());
    Map<String, Definition> byId = new LinkedHashMap<>();
    Definitions.all().forEach(d -> byId.put(d.id(), d));
    model.put("defs", byId);
    model.put("partialDefinition", Definitions.get("partial"));
    model.put("css", InlineAssets.CSS);
    model.put("echarts", InlineAssets.ECHARTS);
    model.put("app", InlineAssets.APP_JS);
    model.put("dataElements", dataElements);
    model.put("dataIds", dataIds);
    model.put("csp", contentSecurityPolicy());
    StringWriter out = new StringWriter((int) dataChars + InlineAssets.ECHARTS.length() + 200_000);
    try {
      Template template = FREEMARKER.getTemplate("report.ftlh");
      template.process(model, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report template", e);
    } catch (TemplateException e) {
      throw new IllegalStateException("the report template failed: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /**
   * The page's policy: nothing by default; scripts only the two inlined ones, by hash; the inlined
   * style sheet by hash, plus inline style attributes (ECharts positions its own elements with
   * them, and styles cannot run code); no images, fonts, connections, frames, forms or base URL.
   */
  static String contentSecurityPolicy() {
    return POLICY;
  }

  private static Configuration configuration() {
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setTemplateLoader(
        new ClassTemplateLoader(ReportWriter.class, "/io/gvgap/reports/"));
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
    configuration.setRecognizeStandardFileExtensions(true);
    configuration.setNumberFormat("computer");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    return configuration;
  }
}
