package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The reliability diagram of each verifier: mean score against fraction correct in ten bins. */
public final class CalibrationSection implements ReportSection {

  /** Ten bins: the usual reliability-diagram resolution, and CoT-Score's ten levels fall one per bin. */
  static final int BINS = 10;

  @Override
  public String id() {
    return "calibration";
  }

  @Override
  public String title() {
    return "Verifier calibration";
  }

  @Override
  public Definition definition() {
    return Definitions.get("calibration");
  }

  @Override
  public JsonNode data(RunGroups run) {
    ArrayNode groups = JsonTrees.array();
    for (GroupData group : run.groups()) {
      ArrayNode verifiers = JsonTrees.array();
      for (String verifier : group.verifiers()) {
        GroupData.ScoredSamples scored = group.scoredSamples(verifier);
        if (scored.scores().length == 0) {
          continue;
        }
        List<CalibrationBins.Bin> bins =
            CalibrationBins.of(scored.scores(), scored.correct(), BINS);
        ObjectNode node = verifiers.addObject();
        node.put("verifier", verifier);
        ArrayNode binNodes = node.putArray("bins");
        for (CalibrationBins.Bin bin : bins) {
          binNodes
              .addArray()
              .add(bin.meanScore())
              .add(bin.fractionCorrect())
              .add(bin.count())
              .add(bin.lower())
              .add(bin.upper());
        }
      }
      if (!verifiers.isEmpty()) {
        ObjectNode node = groups.addObject();
        node.setAll(JsonTrees.group(group));
        node.set("verifiers", verifiers);
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
