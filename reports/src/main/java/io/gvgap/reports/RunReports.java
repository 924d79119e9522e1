package io.gvgap.reports;

import io.gvgap.core.pipeline.RunMetricsCalculator;
import io.gvgap.core.store.RunMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports of run directories as the command line and the Maven plugin write them: a run without
 * {@code metrics.json} (still going, or crashed) gets metrics computed here over its complete
 * examples, from the weights its filtering stage stored ({@code weights.jsonl}), so no plugin is
 * needed, and the report marks it partial.
 */
public final class RunReports {

  private RunReports() {}

  /**
   * Reads {@code runDirectory}; when it has no {@code metrics.json}, computes them over its complete
   * examples with the settings of its own {@code spec.json}. A run with no complete example keeps no
   * metrics, and its report shows samples and scores only. No plugin is needed.
   *
   * @throws io.gvgap.core.store.RunStoreException when the directory is not a gvgap run or is damaged
   */
  public static RunData read(Path runDirectory) {
    RunData data = RunDirectoryReader.read(runDirectory);
    if (data.metrics() != null) {
      return data;
    }
    RunMetrics metrics =
        RunMetricsCalculator.forRun(data.manifest()).compute(data.records(), data.name());
    return metrics.groups().stream().anyMatch(g -> g.metrics() != null)
        ? data.withMetrics(metrics)
        : data;
  }

  /**
   * Writes one report of {@code runDirectories} (side by side when several) to {@code outFile},
   * reading each with {@link #read}.
   *
   * @return the runs as reported, each with its partial reasons
   * @throws IllegalArgumentException when {@code runDirectories} is empty
   * @throws IllegalArgumentException when {@code outFile} is one of a run's records, a directory, or
   *     an existing file that is not an HTML report
   */
  public static List<RunData> write(List<Path> runDirectories, Path outFile) {
    if (runDirectories.isEmpty()) {
      throw new IllegalArgumentException("no run directory given; name at least one");
    }
    ReportTarget.check(runDirectories, outFile);
    List<RunData> runs = new ArrayList<>();
    for (Path dir : runDirectories) {
      runs.add(read(dir));
    }
    ReportWriter.writeRuns(runs, outFile);
    return runs;
  }
}
