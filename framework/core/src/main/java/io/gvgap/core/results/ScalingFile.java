package io.gvgap.core.results;

import java.util.List;

/**
 * The contents of {@code scaling.json} in the study's run directory.
 *
 * @param run the run's name
 * @param runDirectory the run directory
 * @param intervalMethod how each slope's interval is computed
 * @param models the family with its FLOPs
 * @param fits one per task x verifier x filter x measure
 */
public record ScalingFile(
    String run,
    String runDirectory,
    String intervalMethod,
    List<ScalingModel> models,
    List<ScalingFit> fits) {

  /** The file name inside the run directory. */
  public static final String FILE = "scaling.json";
}
