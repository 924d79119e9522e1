package io.gvgap.reports;

import io.gvgap.core.launch.RunExecutor;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedSpecReader;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports of run directories as the command line and the Maven plugin write them: a run without
 * {@code metrics.json} (still going, or crashed) gets metrics computed here over its complete
 * examples, with the plugins at hand and the launcher's {@link RunExecutor}, and the report marks
 * it partial.
 */
public final class RunReports {

  private RunReports() {
  }

  /**
   * Reads {@code runDirectory}; when it has no {@code metrics.json}, computes them over its complete
   * examples (the providers its {@code spec.json} names must be in {@code registry}) with
   * {@code executor}. A run with no complete example keeps no metrics, and its report shows samples
   * and scores only.
   *
   * @throws io.gvgap.core.store.RunStoreException when the directory is not a gvgap run or is damaged
   */
  public static RunData read(Path runDirectory, PluginRegistry registry, RunExecutor executor) {
    RunData data = RunDirectoryReader.read(runDirectory);
    if (data.metrics() != null) {
      return data;
    }
    ResolvedRunSpec spec = ResolvedSpecReader.read(runDirectory.resolve(RunStore.SPEC_JSON), registry)
        .withOutput(runDirectory);
    RunMetrics metrics = executor.metrics(spec);
    return metrics.groups().stream().anyMatch(g -> g.metrics() != null) ? data.withMetrics(metrics) : data;
  }

  /**
   * Writes one report of {@code runDirectories} (side by side when several) to {@code outFile},
   * reading each with {@link #read}.
   *
   * @return the runs as reported, each with its partial reasons
   * @throws IllegalArgumentException when {@code runDirectories} is empty
   * @throws io.gvgap.core.store.RunStoreException when {@code outFile} is one of a run's records, a
   *     directory, or an existing file that is not an HTML report
   */
  public static List<RunData> write(List<Path> runDirectories, Path outFile, PluginRegistry registry,
      RunExecutor executor) {
    if (runDirectories.isEmpty()) {
      throw new IllegalArgumentException("no run directory given; name at least one");
    }
    ReportTarget.check(runDirectories, outFile);
    List<RunData> runs = new ArrayList<>();
    for (Path dir : runDirectories) {
      runs.add(read(dir, registry, executor));
    }
    ReportWriter.writeRuns(runs, outFile);
    return runs;
  }
}
