package io.gvgap.reports;

import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a run directory into a {@link RunData}, tolerating a partial run: a run still going or one
 * that crashed (status STARTED or ERROR), or one without {@code metrics.json}, reads as what exists,
 * with the reasons it is partial.
 */
public final class RunDirectoryReader {

  /** The start of the partial reason given when {@code metrics.json} is missing. */
  static final String NO_METRICS_REASON = "metrics.json is missing";
  /** The start of the partial reason given when metrics leave out incomplete examples. */
  static final String INCOMPLETE_REASON = "metrics leave out incomplete examples: ";

  private RunDirectoryReader() {}

  /**
   * Reads the run directory {@code dir}.
   *
   * @throws RunStoreException when the directory is missing, is not a gvgap run (no
   *     {@code run.json}), or holds a damaged file (the message names file and line)
   */
  public static RunData read(Path dir) {
    RunDirectory run = RunDirectory.open(dir);
    RunInfo info = run.manifest().info();
    RunRecords records = run.records();

    List<String> reasons = new ArrayList<>();
    if (info.status() == RunStatus.STARTED) {
      reasons.add(
          "run.json says STARTED: the run is still going, or it stopped without recording an end "
              + "(resume it with the same spec to finish it)");
    } else if (info.status() == RunStatus.ERROR) {
      reasons.add("the run stopped with an error: "
          + (info.error() == null ? "(no message recorded)" : info.error()));
    }
    RunMetrics metrics = run.metrics().orElse(null);
    if (metrics != null) {
      if (metrics.partial()) {
        reasons.add(INCOMPLETE_REASON + incompleteCounts(metrics));
      }
    } else {
      boolean scoredWithoutWeights =
          records.examples().anyMatch(e -> !e.scores().isEmpty())
              && records.examples().allMatch(e -> e.weights().isEmpty());
      reasons.add(NO_METRICS_REASON
          + ": gap tables and metric charts are absent; samples and scores are shown"
          + (scoredWithoutWeights
              ? ". The run has no weights.jsonl (it was written before gvgap stored the filters'"
                  + " weights), so no metrics can be computed for it: run its spec on this directory again to add them"
              : ""));
    }
    return new RunData(
        run.manifest(),
        records,
        metrics,
        metrics == null ? RunData.MetricsSource.NONE : RunData.MetricsSource.METRICS_JSON,
        reasons);
  }

  /** "model/task: n examples" for each group with incomplete examples. */
  static String incompleteCounts(RunMetrics metrics) {
    List<String> parts = new ArrayList<>();
    for (GroupResult group : metrics.groups()) {
      if (group.incompleteExamples() > 0 || group.metrics() == null) {
        parts.add(group.model() + "/" + group.task() + ": " + group.incompleteExamples()
            + " incomplete examples"
            + (group.metrics() == null ? " (no complete example, no metrics)" : ""));
      }
    }
    return parts.isEmpty() ? "metrics.json is marked partial" : String.join("; ", parts);
  }
}
