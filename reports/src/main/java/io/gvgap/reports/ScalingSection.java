package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.results.ScalingFit;
import io.gvgap.core.store.Json;

/**
 * A scaling study's fits ({@code scaling.json} in the run directory, written by
 * {@code gvgap scaling}): every verifier x filter x measure against log10 pre-training FLOPs, each
 * with its least-squares line, prompt-bootstrap slope interval and order shares, weighted fit and
 * excluded members, and the multiplicity note. Shown only in reports of runs that have the file.
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
    data.put("bootstrapMethod", scaling.bootstrapMethod() == null ? "" : scaling.bootstrapMethod());
    data.put("weightedMethod", scaling.weightedMethod() == null ? "" : scaling.weightedMethod());
    data.put("bootstrapDraws", scaling.bootstrapDraws());
    data.put("bootstrapSeed", scaling.bootstrapSeed());
    if (scaling.oracle() == null) {
      data.putNull("oracle");
    } else {
      data.put("oracle", scaling.oracle());
    }
    if (scaling.multiplicity() != null) {
      data.put("multiplicity", scaling.multiplicity().note());
    }
    ArrayNode fits = data.putArray("fits");
    for (ScalingFit fit : scaling.fits()) {
      fits.add(Json.mapper().<JsonNode>valueToTree(fit)); // every fit: no measure is picked
    }
    return fits.isEmpty() ? null : data;
  }
}
