package io.gvgap.reports;

import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.metrics.VerifierMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verifier x filter comparison table of one or more runs: one row per (run, model, task,
 * verifier, filter), the best strategy (largest gap) of each run, model and task marked. Rows and
 * columns are plain maps for the template; each cell carries its text, a numeric sort key and a
 * hover text with the definition and the confidence interval.
 */
public final class StrategyTable {

  /**
   * A column.
   *
   * @param term its heading
   * @param definition its definition
   * @param numeric whether it sorts as numbers
   */
  public record Column(String term, Definition definition, boolean numeric) {}

  private StrategyTable() {}

  /** The columns, in order; the run column only when there are several runs. */
  public static List<Column> columns(boolean severalRuns) {
    List<Column> columns = new ArrayList<>();
    if (severalRuns) {
      columns.add(new Column("Run", null, false));
    }
    columns.add(new Column("Model", null, false));
    columns.add(new Column("Task", null, false));
    columns.add(new Column("Verifier", Definitions.get("score"), false));
    columns.add(new Column("Filter", null, false));
    for (String id : List.of(
        "jf",
        "jfw",
        "gap",
        "rel-per-prompt",
        "rel-pooled",
        "asked",
        "kept",
        "precision",
        "recall",
        "f1",
        "auroc",
        "extraction",
        "parse",
        "empty-kept",
        "saturated",
        "oracle-minus-selected")) {
      columns.add(new Column(Definitions.get(id).term(), Definitions.get(id), true));
    }
    return columns;
  }

  /**
   * The rows of all runs, each a map with {@code cells} (list of maps with {@code text}, {@code sort},
   * {@code title}, {@code interval}), {@code best} (boolean) and {@code run} (run index).
   */
  public static List<Map<String, Object>> rows(List<RunGroups> runs) {
    boolean severalRuns = runs.size() > 1;
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      RunGroups run = runs.get(r);
      double confidence = run.run().spec().path("metrics").path("confidence").asDouble(0.95);
      for (GroupData group : run.groups()) {
        GroupMetrics metrics = group.metrics();
        if (metrics == null) {
          continue;
        }
        StrategyMetrics best = best(metrics.strategies());
        Map<String, VerifierMetrics> verifiers = new LinkedHashMap<>();
        metrics.verifiers().forEach(v -> verifiers.put(v.verifier(), v));
        for (StrategyMetrics s : metrics.strategies()) {
          VerifierMetrics v = verifiers.get(s.verifier());
          List<Map<String, String>> cells = new ArrayList<>();
          if (severalRuns) {
            cells.add(text(run.run().name()));
          }
          cells.add(text(group.model()));
          cells.add(text(group.task()));
          cells.add(text(s.verifier()));
          cells.add(text(s.filter()));
          cells.add(estimate("jf", s.jf(), confidence, false));
          cells.add(estimate("jfw", s.jfw(), confidence, false));
          cells.add(estimate("gap", s.gap(), confidence, true));
          cells.add(estimate("rel-per-prompt", s.relativeGapPerPrompt(), confidence, true));
          cells.add(estimate("rel-pooled", s.relativeGapPooled(), confidence, true));
          cells.add(number("asked", s.askedFraction()));
          cells.add(number("kept", s.keptFraction()));
          cells.add(number("precision", s.precision()));
          cells.add(number("recall", s.recall()));
          cells.add(number("f1", s.f1()));
          cells.add(number("auroc", v == null ? Double.NaN : v.auroc()));
          cells.add(number("extraction", metrics.extractionFailureRate()));
          cells.add(
              v == null
                  ? number("parse", Double.NaN)
                  : rate(
                      "parse",
                      v.parseFailureRate(),
                      v.parseFailures() + " of " + (v.parseFailures() + v.scoredSamples())
                          + " samples"));
          cells.add(count(
              "empty-kept",
              s.emptyKeptPrompts(),
              "nothing kept on " + s.emptyKeptPrompts() + " of " + metrics.prompts() + " prompts"));
          cells.add(count(
              "saturated",
              s.saturatedPrompts(),
              s.saturatedPrompts() + " of " + s.promptsUsed() + " prompts used"));
          cells.add(number("oracle-minus-selected", s.oracleMinusSelected()));
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("cells", cells);
          row.put("best", s == best);
          row.put("run", r);
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The strategy with the largest defined gap (the first of equals), or null when no gap is defined. */
  static StrategyMetrics best(List<StrategyMetrics> strategies) {
    StrategyMetrics best = null;
    for (StrategyMetrics s : strategies) {
      if (s.gap() != null
          && s.gap().defined()
          && (best == null || s.gap().value() > best.gap().value())) {
        best = s;
      }
    }
    return best;
  }

  private static Map<String, String> text(String value) {
    Map<String, String> cell = new LinkedHashMap<>();
    cell.put("text", value);
    cell.put("sort", value);
    cell.put("title", "");
    cell.put("interval", "");
    return cell;
  }

  private static Map<String, String> estimate(
      String definition, Estimate e, double confidence, boolean signed) {
    double value = e == null ? Double.NaN : e.value();
    String interval = Numbers.interval(e);
    Map<String, String> cell = new LinkedHashMap<>();
    cell.put("text", signed ? Numbers.signed(value) : Numbers.decimal(value));
    cell.put("sort", Numbers.sortKey(value));
    String ci = interval.isEmpty()
        ? "no interval"
        : String.format(Locale.ROOT, "%.0f%% CI %s", confidence * 100, interval);
    cell.put("title", title(definition, Numbers.decimal(value) + ", " + ci));
    cell.put("interval", interval);
    return cell;
  }

  private static Map<String, String> number(String definition, double value) {
    Map<String, String> cell = new LinkedHashMap<>();
    cell.put("text", Numbers.decimal(value));
    cell.put("sort", Numbers.sortKey(value));
    cell.put("title", title(definition, Numbers.decimal(value)));
    cell.put("interval", "");
    return cell;
  }

  private static Map<String, String> count(String definition, long value, String detail) {
    Map<String, String> cell = new LinkedHashMap<>();
    cell.put("text", Numbers.count(value));
    cell.put("sort", Long.toString(value));
    cell.put("title", title(definition, Numbers.count(value) + " (" + detail + ")"));
    cell.put("interval", "");
    return cell;
  }

  private static Map<String, String> rate(String definition, double value, String detail) {
    Map<String, String> cell = number(definition, value);
    cell.put("title", title(definition, Numbers.decimal(value) + " (" + detail + ")"));
    return cell;
  }

  private static String title(String definitionId, String value) {
    Definition d = Definitions.get(definitionId);
    return d.term() + " = " + value + ". " + d.text();
  }
}
