package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report shows about one run directory, read by {@link RunDirectoryReader}.
 *
 * <p>A run may be partial (still going, crashed, or without {@code metrics.json}); then
 * {@link #partialReasons()} says why, in words a user can act on, and the report is marked PARTIAL.
 *
 * @param directory the run directory
 * @param info the contents of {@code run.json}
 * @param spec the resolved spec ({@code spec.json}) as a JSON tree; an empty object when missing
 * @param specSource the spec as written ({@code spec-source.yaml}); empty when missing
 * @param plugins the discovered providers ({@code plugins.json}) as a JSON array; empty when missing
 * @param examples the examples in file order
 * @param samples the samples in file order
 * @param scores the verifier scores in file order
 * @param metrics the run's metrics, or null when none exist (yet)
 * @param metricsSource where {@link #metrics()} came from: {@code metrics.json}, a caller's
 *     computation, or nothing
 * @param partialReasons why the run is partial; empty for a complete run
 */
public record RunData(Path directory, RunInfo info, JsonNode spec, String specSource, JsonNode plugins,
    List<ExampleRecord> examples, List<SampleRecord> samples, List<ScoreRecord> scores, RunMetrics metrics,
    MetricsSource metricsSource, List<String> partialReasons) {

  /** Where the metrics shown in a report come from. */
  public enum MetricsSource {
    /** Read from the run's {@code metrics.json}. */
    METRICS_JSON,
    /** Computed by the caller (e.g. the CLI over the complete examples of a partial run). */
    COMPUTED_FOR_REPORT,
    /** No metrics: only samples and scores can be shown. */
    NONE
  }

  /** Validates and copies the lists. */
  public RunData {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(metricsSource, "metricsSource");
    specSource = specSource == null ? "" : specSource;
    examples = List.copyOf(examples);
    samples = List.copyOf(samples);
    scores = List.copyOf(scores);
    partialReasons = List.copyOf(partialReasons);
  }

  /** Whether the report must be marked PARTIAL. */
  public boolean partial() {
    return !partialReasons.isEmpty();
  }

  /** The run's name: {@code run.json}'s name, else the directory name. */
  public String name() {
    String name = info.name();
    return name == null || name.isBlank() ? String.valueOf(directory.getFileName()) : name;
  }

  /**
   * This run with metrics computed elsewhere, e.g. by the CLI over the complete examples of a run
   * that has no {@code metrics.json} yet. The run stays partial for its other reasons (status,
   * incomplete examples); the missing-metrics reason goes, and the summary names the metrics' source.
   */
  public RunData withMetrics(RunMetrics computed) {
    Objects.requireNonNull(computed, "computed metrics");
    List<String> reasons = new ArrayList<>();
    for (String reason : partialReasons) {
      if (!reason.startsWith(RunDirectoryReader.NO_METRICS_REASON)) {
        reasons.add(reason);
      }
    }
    if (computed.partial() && reasons.stream().noneMatch(r -> r.startsWith(RunDirectoryReader.INCOMPLETE_REASON))) {
      reasons.add(RunDirectoryReader.INCOMPLETE_REASON + RunDirectoryReader.incompleteCounts(computed));
    }
    return new RunData(directory, info, spec, specSource, plugins, examples, samples, scores, computed,
        MetricsSource.COMPUTED_FOR_REPORT, reasons);
  }
}
