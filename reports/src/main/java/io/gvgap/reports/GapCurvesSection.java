package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.metrics.StrategyMetrics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Gap versus the swept parameter of a filter (quantile alpha, threshold tau), one line per verifier. */
public final class GapCurvesSection implements ReportSection {

  @Override
  public String id() {
    return "gapCurves";
  }

  @Override
  public String title() {
    return "Gap versus filter parameter";
  }

  @Override
  public Definition definition() {
    return Definitions.get("gap-curve");
  }

  @Override
  public JsonNode data(RunGroups run) {
    ArrayNode groups = JsonTrees.array();
    for (GroupData group : run.groups()) {
      if (group.metrics() == null) {
        continue;
      }
      Map<StrategyKey, StrategyMetrics> byKey = new LinkedHashMap<>();
      Set<String> filters = new LinkedHashSet<>();
      Set<String> verifiers = new LinkedHashSet<>();
      for (StrategyMetrics s : group.metrics().strategies()) {
        byKey.put(new StrategyKey(s.verifier(), s.filter()), s);
        filters.add(s.filter());
        verifiers.add(s.verifier());
      }
      ArrayNode sweeps = JsonTrees.array();
      for (FilterSweep sweep : FilterSweep.find(run.run().spec().path("filters"), filters)) {
        ObjectNode sweepNode = sweeps.addObject();
        sweepNode.put("filter", sweep.filterName());
        sweepNode.put("parameter", sweep.parameter());
        ArrayNode lines = sweepNode.putArray("verifiers");
        for (String verifier : verifiers) {
          ObjectNode line = lines.addObject();
          line.put("verifier", verifier);
          ArrayNode points = line.putArray("points");
          for (FilterSweep.Point point : sweep.points()) {
            StrategyMetrics s = byKey.get(new StrategyKey(verifier, point.label()));
            if (s == null) {
              continue;
            }
            ObjectNode p = points.addObject();
            p.put("x", point.value());
            p.put("label", point.label());
            p.set("gap", JsonTrees.estimate(s.gap()));
            p.set("relPerPrompt", JsonTrees.estimate(s.relativeGapPerPrompt()));
            p.set("relPooled", JsonTrees.estimate(s.relativeGapPooled()));
            JsonTrees.put(p, "kept", s.keptFraction());
          }
        }
      }
      if (!sweeps.isEmpty()) {
        ObjectNode node = groups.addObject();
        node.setAll(JsonTrees.group(group));
        node.set("sweeps", sweeps);
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
