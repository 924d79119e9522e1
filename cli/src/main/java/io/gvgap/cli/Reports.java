package io.gvgap.cli;

import io.gvgap.core.pipeline.RunPipeline;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedSpecReader;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStore;
import io.gvgap.reports.ReportWriter;
import io.gvgap.reports.RunData;
import io.gvgap.reports.RunDirectoryReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads run directories for a report; a run without {@code metrics.json} (still going, or crashed)
 * gets metrics computed here over its complete examples, and the report marks it partial.
 */
final class Reports {

  private Reports() {
  }

  /** Writes one report of {@code runDirs} to {@code out}. */
  static void write(List<Path> runDirs, Path out, PluginRegistry registry) {
    List<RunData> runs = new ArrayList<>();
    for (Path dir : runDirs) {
      RunData data = RunDirectoryReader.read(dir);
      if (data.metrics() == null) {
        ResolvedRunSpec spec = ResolvedSpecReader.read(dir.resolve(RunStore.SPEC_JSON), registry).withOutput(dir);
        RunMetrics metrics = new RunPipeline(registry, Progress.NONE, Version.current()).computeMetrics(spec);
        if (metrics.groups().stream().anyMatch(g -> g.metrics() != null)) {
          data = data.withMetrics(metrics);
        }
      }
      runs.add(data);
    }
    ReportWriter.writeRuns(runs, out);
  }
}
