package io.gvgap.core.launch;

import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.store.ModelFingerprint;
import io.gvgap.core.store.RunMetrics;
import java.util.List;

/**
 * Runs resolved specs the way the launcher assembles every run (the plugins, the run observers, the
 * progress display and gvgap's version all chosen once, by the launcher). Code that needs runs as a
 * step of something larger, such as a self-improvement study, or the metrics of an existing run
 * directory, such as the merge and the report of a partial run, receives one instead of building
 * the pipeline itself.
 */
public interface RunExecutor {

  /**
   * Runs (or resumes) {@code spec} into {@code spec.output()}.
   *
   * @param spec the resolved spec
   * @param specSource the spec as the user wrote it, kept in the run directory
   */
  RunResult run(ResolvedRunSpec spec, String specSource);

  /** Computes the metrics of the run directory {@code spec.output()} of this spec, writing nothing. */
  RunMetrics metrics(ResolvedRunSpec spec);

  /**
   * The content fingerprint of each model of the spec whose backend reports one: what a run of the
   * spec records in {@code run.json}, to check a finished run against before reusing it.
   */
  List<ModelFingerprint> modelFingerprints(ResolvedRunSpec spec);
}
