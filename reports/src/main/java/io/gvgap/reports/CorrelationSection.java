package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.metrics.VerifierCorrelation;
import io.gvgap.core.metrics.VerifierMetrics;
import java.util.ArrayList;
import java.util.List;

/** The verifiers' score correlations as a heatmap (Spearman; Pearson and n on hover). */
public final class CorrelationSection implements ReportSection {

  @Override
  public String id() {
    return "correlations";
  }

  @Override
  public String title() {
    return "Verifier score correlation";
  }

  @Override
  public Definition definition() {
    return Definitions.get("correlation");
  }

  @Override
  public JsonNode data(RunGroups run) {
    ArrayNode groups = JsonTrees.array();
    for (GroupData group : run.groups()) {
      if (group.metrics() == null || group.metrics().verifiers().size() < 2) {
        continue;
      }
      List<String> verifiers = new ArrayList<>();
      for (VerifierMetrics v : group.metrics().verifiers()) {
        verifiers.add(v.verifier());
      }
      ObjectNode node = groups.addObject();
      node.setAll(JsonTrees.group(group));
      ArrayNode labels = node.putArray("verifiers");
      verifiers.forEach(labels::add);
      // cells: [column, row, spearman, pearson, n]; the diagonal is 1 by definition
      ArrayNode cells = node.putArray("cells");
      for (int i = 0; i < verifiers.size(); i++) {
        ArrayNode diagonal = cells.addArray().add(i).add(i).add(1.0).add(1.0);
        diagonal.add(group.metrics().verifiers().get(i).scoredSamples());
      }
      for (VerifierCorrelation c : group.metrics().correlations()) {
        int i = verifiers.indexOf(c.first());
        int j = verifiers.indexOf(c.second());
        if (i < 0 || j < 0) {
          continue;
        }
        for (int[] cell : new int[][] {{i, j}, {j, i}}) {
          ArrayNode row = cells.addArray().add(cell[0]).add(cell[1]);
          JsonTrees.add(row, c.spearman());
          JsonTrees.add(row, c.pearson());
          row.add(c.n());
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
