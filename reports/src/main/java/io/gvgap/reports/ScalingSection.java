package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.results.ScalingFit;
import io.gvgap.core.store.Json;

/**
 * A scaling study's fits ({@code scaling.json} in the run directory, written by
 * {@code gvgap scaling}): each strategy's relative gap against log10 pre-training FLOPs with its
 * least-squares line. Shown only in reports of runs that have the file.
 */
public final class ScalingSection implements ReportSection {

  /** The file the section reads from the run directory. */
  public static final String FILE = ScalingFile.FILE;

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
    ScalingFile scaling =
        StudyFilesReader.read(run.run().directory().resolve(FILE), ScalingFile.class);
    if (scaling == null || scaling.fits() == null) {
      return null;
    }
    ObjectNode data = JsonTrees.object();
    data.put("intervalMethod", scaling.intervalMethod() == null ? "" : scaling.intervalMethod());
    ArrayNode fits = data.putArray("fits");
    for (ScalingFit fit : scaling.fits()) {
      if (fit.measure().equals("relative-gap-pooled")
          || fit.measure().equals("relative-gap-per-prompt")) {
        fits.add(Json.mapper().<JsonNode>valueToTree(fit));
      }
    }
    return fits.isEmpty() ? null : data;
  }
}
