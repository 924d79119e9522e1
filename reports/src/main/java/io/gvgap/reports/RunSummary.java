package io.gvgap.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.SampleRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of one run for the template: status, durations, models, tasks, verifiers, filters,
 * tokens, plugins, the resolved spec, and the per-group accuracy. Plain maps and strings, so the
 * template only lays them out (and escapes them).
 */
public final class RunSummary {

  private RunSummary() {}

  /** The summary of {@code run}, the {@code index}-th run of the report. */
  public static Map<String, Object> of(RunGroups groups, int index) {
    RunData run = groups.run();
    RunInfo info = run.info();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("index", index);
    map.put("name", run.name());
    map.put("directory", run.directory().toAbsolutePath().normalize().toString());
    map.put("status", String.valueOf(info.status()));
    map.put("partial", run.partial());
    map.put("partialReasons", run.partialReasons());
    map.put("attempts", info.attempts());
    // a shard covers examples at positions p with p mod n == i; a merged run lists its shards
    map.put("shard", info.shard() == null ? "" : info.shard().label());
    map.put(
        "mergedFrom",
        info.mergedFrom() == null
            ? ""
            : info.mergedFrom().size() + " shards: "
                + String.join(
                    ", ",
                    info.mergedFrom().stream()
                        .map(m -> m.shard().label() + " " + m.directory())
                        .toList()));
    map.put("created", String.valueOf(info.created()));
    map.put("updated", String.valueOf(info.updated()));
    map.put(
        "duration",
        info.created() == null || info.updated() == null
            ? Numbers.UNDEFINED
            : Numbers.duration(Duration.between(info.created(), info.updated())));
    map.put("gvgapVersion", info.gvgapVersion() == null ? "" : info.gvgapVersion());
    map.put(
        "metricsSource",
        switch (run.metricsSource()) {
          case METRICS_JSON -> "metrics.json";
          case COMPUTED_FOR_REPORT -> "computed for this report over the complete examples";
          case NONE -> "none (metrics.json is missing)";
        });
    JsonNode spec = run.spec();
    map.put("models", components(spec.path("models"), "backend"));
    map.put("tasks", components(spec.path("tasks"), "name"));
    map.put("verifiers", components(spec.path("verifiers"), "name"));
    map.put("filters", components(spec.path("filters"), "name"));
    map.put("generation", spec.has("generation") ? compact(spec.get("generation")) : "");
    map.put("verificationModel", spec.path("verification").path("model").asText(""));
    map.put("examples", Numbers.count(run.examples().size()));
    map.put("samples", Numbers.count(run.samples().size()));
    map.put("tokens", Numbers.count(tokens(run.samples())));
    map.put("plugins", plugins(run.plugins()));
    map.put("specJson", pretty(spec));
    map.put("specSource", run.specSource());
    map.put("groups", groupRows(groups));
    return map;
  }

  /** The sum of the samples' generated tokens. */
  static long tokens(List<SampleRecord> samples) {
    long total = 0;
    for (SampleRecord sample : samples) {
      total += sample.tokenCount();
    }
    return total;
  }

  private static List<Map<String, String>> components(JsonNode array, String kindField) {
    List<Map<String, String>> list = new ArrayList<>();
    if (!array.isArray()) {
      return list;
    }
    for (JsonNode entry : array) {
      Map<String, String> item = new LinkedHashMap<>();
      item.put("label", entry.path("label").asText(""));
      item.put("kind", entry.path(kindField).asText(""));
      item.put(
          "options",
          entry.has("options") && !entry.get("options").isEmpty()
              ? compact(entry.get("options"))
              : "");
      list.add(item);
    }
    return list;
  }

  private static List<Map<String, String>> plugins(JsonNode array) {
    List<Map<String, String>> list = new ArrayList<>();
    if (array == null || !array.isArray()) {
      return list;
    }
    for (JsonNode entry : array) {
      Map<String, String> item = new LinkedHashMap<>();
      for (String field : List.of("kind", "name", "className", "location", "version")) {
        item.put(field, entry.path(field).asText(""));
      }
      list.add(item);
    }
    return list;
  }

  private static List<Map<String, String>> groupRows(RunGroups groups) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (GroupData group : groups.groups()) {
      GroupMetrics m = group.metrics();
      Map<String, String> row = new LinkedHashMap<>();
      row.put("model", group.model());
      row.put("task", group.task());
      row.put("examples", Numbers.count(group.exampleIds().size()));
      row.put("samples", Numbers.count(group.sampleCount()));
      row.put(
          "accuracy",
          m == null ? Numbers.UNDEFINED : Numbers.decimal(m.accuracy().value()));
      row.put("accuracyInterval", m == null ? "" : Numbers.interval(m.accuracy()));
      row.put("coverage", m == null ? Numbers.UNDEFINED : Numbers.decimal(m.coverage()));
      row.put(
          "extraction", m == null ? Numbers.UNDEFINED : Numbers.decimal(m.extractionFailureRate()));
      row.put(
          "incomplete",
          Numbers.count(
              m != null
                  ? group.incompleteExamples()
                  : group.examplesMissingScores(expectedVerifiers(groups.run(), group))));
      rows.add(row);
    }
    return rows;
  }

  /** The spec's verifier labels, or those that scored something when the spec does not list them. */
  private static List<String> expectedVerifiers(RunData run, GroupData group) {
    List<String> labels = new ArrayList<>();
    run.spec().path("verifiers").forEach(v -> labels.add(v.path("label").asText()));
    return labels.isEmpty() ? group.verifiers() : labels;
  }

  private static String compact(JsonNode node) {
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write spec part as JSON", e);
    }
  }

  private static String pretty(JsonNode node) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write spec as JSON", e);
    }
  }
}
