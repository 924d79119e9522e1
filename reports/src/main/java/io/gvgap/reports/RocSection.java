package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ROC curve of each verifier, computed from the stored scores and utilities. */
public final class RocSection implements ReportSection {

  /** Points kept per curve: enough to look smooth, few enough to keep the file small. */
  static final int MAX_POINTS = 400;

  @Override
  public String id() {
    return "roc";
  }

  @Override
  public String title() {
    return "ROC curves";
  }

  @Override
  public Definition definition() {
    return Definitions.get("roc");
  }

  @Override
  public JsonNode data(RunGroups run) {
    ArrayNode groups = JsonTrees.array();
    for (GroupData group : run.groups()) {
      ArrayNode curves = JsonTrees.array();
      for (String verifier : group.verifiers()) {
        GroupData.ScoredSamples scored = group.scoredSamples(verifier);
        RocCurve curve = RocCurve.of(scored.scores(), scored.correct());
        if (curve == null) {
          continue;
        }
        ObjectNode node = curves.addObject();
        node.put("verifier", verifier);
        // the area of the full curve: the thinned one is only for drawing
        JsonTrees.put(node, "auroc", curve.area());
        node.put("scored", scored.scores().length);
        node.put("unscored", scored.unscored());
        RocCurve drawn = curve.thinned(MAX_POINTS);
        ArrayNode points = node.putArray("points");
        for (int i = 0; i < drawn.falsePositiveRate().length; i++) {
          points
              .addArray()
              .add(round(drawn.falsePositiveRate()[i]))
              .add(round(drawn.truePositiveRate()[i]));
        }
      }
      if (!curves.isEmpty()) {
        ObjectNode node = groups.addObject();
        node.setAll(JsonTrees.group(group));
        node.set("curves", curves);
      }
    }
    if (groups.isEmpty()) {
      return null;
    }
    ObjectNode data = JsonTrees.object();
    data.set("groups", groups);
    return data;
  }

  /** Four decimals are finer than a pixel of the chart and keep the embedded JSON short. */
  private static double round(double value) {
    return Math.round(value * 10000) / 10000.0;
  }
}
