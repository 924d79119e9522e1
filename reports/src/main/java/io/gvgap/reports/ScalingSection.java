package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A scaling study's fits ({@code scaling.json} in the run directory, written by
 * {@code gvgap scaling}): each strategy's relative gap against log10 pre-training FLOPs with its
 * least-squares line. Shown only in reports of runs that have the file.
 */
public final class ScalingSection implements ReportSection {

  /** The file the section reads from the run directory. */
  public static final String FILE = "scaling.json";

  @Override
  public String id() {
    return "scaling";
  }

  @Override
  public String title() {
    return "Gap versus pre-training FLOPs";
  }

  @Override
  public Definition definition() {
    return Definitions.get("scaling");
  }

  @Override
  public boolean onlyWhenPresent() {
    return true;
  }

  @Override
  public JsonNode data(RunGroups run) {
    JsonNode scaling = StudyFilesReader.read(run.run().directory().resolve(FILE));
    if (scaling == null || !scaling.path("fits").isArray()) {
      return null;
    }
    ObjectNode data = JsonTrees.object();
    data.put("intervalMethod", scaling.path("intervalMethod").asText(""));
    ArrayNode fits = data.putArray("fits");
    for (JsonNode fit : scaling.get("fits")) {
      String measure = fit.path("measure").asText();
      if (measure.equals("relative-gap-pooled") || measure.equals("relative-gap-per-prompt")) {
        fits.add(fit);
      }
    }
    return fits.isEmpty() ? null : data;
  }
}
