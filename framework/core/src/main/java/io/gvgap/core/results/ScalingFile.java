package io.gvgap.core.results;

import java.util.List;

/**
 * The contents of {@code scaling.json} in the study's run directory.
 *
 * @param run the run's name
 * @param runDirectory the run directory
 * @param intervalMethod how each ordinary least-squares slope's interval is computed
 * @param bootstrapMethod how each slope's prompt-bootstrap interval and order shares are computed
 * @param weightedMethod how each weighted fit is computed
 * @param bootstrapDraws prompt resamples per task
 * @param bootstrapSeed the resamples' seed
 * @param oracle the label of the oracle verifier whose gap the {@code gap-share-of-oracle} measure
 *     divides by; null when the spec has none (then that measure is absent)
 * @param models the family with its FLOPs
 * @param fits one per task x verifier x filter x measure
 * @param multiplicity how many slope intervals were made and how many would exclude 0 by chance
 */
public record ScalingFile(
    String run,
    String runDirectory,
    String intervalMethod,
    String bootstrapMethod,
    String weightedMethod,
    int bootstrapDraws,
    long bootstrapSeed,
    String oracle,
    List<ScalingModel> models,
    List<ScalingFit> fits,
    ScalingMultiplicity multiplicity) {

  /** The file name inside the run directory. */
  public static final String FILE = "scaling.json";
}
