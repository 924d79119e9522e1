package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.metrics.PassAtK;

/** pass@k versus k: the curve from the samples, and the run's metrics with their intervals. */
public final class PassAtKSection implements ReportSection {

  @Override
  public String id() {
    return "passAtK";
  }

  @Override
  public String title() {
    return "pass@k versus k";
  }

  @Override
  public Definition definition() {
    return Definitions.get("pass-at-k");
  }

  @Override
  public JsonNode data(RunGroups run) {
    ArrayNode groups = JsonTrees.array();
    for (GroupData group : run.groups()) {
      PassAtKCurve curve = PassAtKCurve.of(group.sampleCounts(), group.correctCounts());
      if (curve == null) {
        continue;
      }
      ObjectNode node = groups.addObject();
      node.setAll(JsonTrees.group(group));
      node.put("prompts", group.sampleCounts().length);
      ArrayNode points = node.putArray("curve");
      for (int j = 0; j < curve.k().length; j++) {
        ArrayNode point = points.addArray().add(curve.k()[j]);
        JsonTrees.add(point, curve.passAtK()[j]);
      }
      ArrayNode fromMetrics = node.putArray("metrics");
      if (group.metrics() != null) {
        for (PassAtK p : group.metrics().passAtK()) {
          ArrayNode point = fromMetrics.addArray().add(p.k());
          point.addAll(JsonTrees.estimate(p.estimate()));
        }
      }
    }
    if (groups.isEmpty()) {
      return null;
    }
    ObjectNode data = JsonTrees.object();
    data.set("groups", groups);
    return data;
  }
}
