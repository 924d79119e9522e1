package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gap and pass@N against samples per prompt N, per model × task, from the run's {@code curve.json}
 * that {@code gvgap curve RUN_DIR} writes; absent when the run has none.
 */
public final class CurveSection implements ReportSection {

  /** The file this section reads inside a run directory. */
  public static final String FILE = "curve.json";

  @Override
  public String id() {
    return "curve";
  }

  @Override
  public String title() {
    return "Gap against samples per prompt";
  }

  @Override
  public Definition definition() {
    return Definitions.get("curve");
  }

  @Override
  public boolean onlyWhenPresent() {
    return true;
  }

  @Override
  public JsonNode data(RunGroups run) {
    Path file = run.run().directory().resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    JsonNode curve;
    try {
      curve = Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + "; run 'gvgap curve' again", e);
    }
    Map<String, ObjectNode> groups = new LinkedHashMap<>();
    for (JsonNode point : curve.path("points")) {
      String key = point.path("model").asText() + "\u0000" + point.path("task").asText();
      ObjectNode group = groups.computeIfAbsent(key, k -> {
        ObjectNode g = JsonTrees.object();
        g.put("model", point.path("model").asText());
        g.put("task", point.path("task").asText());
        g.putArray("strategies");
        g.putArray("rows");
        return g;
      });
      JsonNode metrics = point.path("metrics");
      ArrayNode strategies = (ArrayNode) group.get("strategies");
      if (strategies.isEmpty()) {
        metrics
            .path("strategies")
            .forEach(s -> strategies.add(
                s.path("verifier").asText() + " / " + s.path("filter").asText()));
      }
      ObjectNode row = ((ArrayNode) group.get("rows")).addObject();
      row.put("n", point.path("samples").asInt());
      row.put("prompts", point.path("prompts").asInt());
      row.set("accuracy", estimate(metrics.path("accuracy")));
      JsonNode passAtN = null;
      for (JsonNode k : metrics.path("passAtK")) {
        if (k.path("k").asInt() == point.path("samples").asInt()) {
          passAtN = k.path("estimate");
        }
      }
      row.set("passAtN", estimate(passAtN));
      ArrayNode gaps = row.putArray("gaps");
      metrics.path("strategies").forEach(s -> gaps.add(estimate(s.path("gap"))));
    }
    if (groups.isEmpty()) {
      return null;
    }
    ObjectNode data = JsonTrees.object();
    data.put("selection", curve.path("selection").asText());
    ArrayNode list = data.putArray("groups");
    groups.values().forEach(list::add);
    return data;
  }

  /** {@code [value, lower, upper]} of a stored estimate, nulls where undefined or missing. */
  private static ArrayNode estimate(JsonNode estimate) {
    ArrayNode node = JsonTrees.array();
    for (String field : new String[] {"value", "lower", "upper"}) {
      JsonNode v = estimate == null ? null : estimate.get(field);
      if (v == null || !v.isNumber()) {
        node.addNull();
      } else {
        node.add(v.asDouble());
      }
    }
    return node;
  }
}
