package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.RunManifest;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a report shows about one run directory, read by {@link RunDirectoryReader} through the
 * run-directory model of gvgap-core ({@link RunManifest}, {@link RunRecords}).
 *
 * <p>A run may be partial (still going, crashed, or without {@code metrics.json}); then
 * {@link #partialReasons()} says why, in words a user can act on, and the report is marked PARTIAL.
 *
 * @param manifest {@code run.json}, the resolved spec, the spec as written and the plugins
 * @param records the examples joined with their samples, scores and weights
 * @param metrics the run's metrics, or null when none exist (yet)
 * @param metricsSource where {@link #metrics()} came from: {@code metrics.json}, a computation for
 *     the report, or nothing
 * @param partialReasons why the run is partial; empty for a complete run
 */
public record RunData(
    RunManifest manifest,
    RunRecords records,
    RunMetrics metrics,
    MetricsSource metricsSource,
    List<String> partialReasons) {

  /** Where the metrics shown in a report come from. */
  public enum MetricsSource {
    /** Read from the run's {@code metrics.json}. */
    METRICS_JSON,
    /** Computed for the report (over the complete examples of a run without {@code metrics.json}). */
    COMPUTED_FOR_REPORT,
    /** No metrics: only samples and scores can be shown. */
    NONE
  }

  /** Validates and copies the lists. */
  public RunData {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(metricsSource, "metricsSource");
    partialReasons = List.copyOf(partialReasons);
  }

  /** The run directory. */
  public Path directory() {
    return manifest.directory();
  }

  /** The contents of {@code run.json}. */
  public RunInfo info() {
    return manifest.info();
  }

  /** The resolved spec ({@code spec.json}) as a JSON tree; an empty object when missing. */
  public JsonNode spec() {
    return manifest.spec();
  }

  /** The spec as written ({@code spec-source.yaml}); empty when missing. */
  public String specSource() {
    return manifest.specSource();
  }

  /** The discovered providers ({@code plugins.json}) as a JSON array; empty when missing. */
  public JsonNode plugins() {
    return manifest.plugins();
  }

  /** The examples in the order stored. */
  public List<ExampleRecord> examples() {
    return records.exampleRecords();
  }

  /** Every sample, group by group and example by example. */
  public List<SampleRecord> samples() {
    return records.samples();
  }

  /** Every verifier's scores, one record per (verifier, example), group by group. */
  public List<ScoreRecord> scores() {
    return records
        .examples()
        .flatMap(e -> e.scores().entrySet().stream()
            .map(v -> new ScoreRecord(
                e.key().model(), e.key().task(), v.getKey(), e.key().exampleId(), v.getValue())))
        .toList();
  }

  /** Whether the report must be marked PARTIAL. */
  public boolean partial() {
    return !partialReasons.isEmpty();
  }

  /** The run's name: {@code run.json}'s name, else the directory name. */
  public String name() {
    String name = info().name();
    return name == null || name.isBlank() ? String.valueOf(directory().getFileName()) : name;
  }

  /**
   * This run with metrics computed elsewhere, e.g. over the complete examples of a run that has no
   * {@code metrics.json} yet. The run stays partial for its other reasons (status, incomplete
   * examples); the missing-metrics reason goes, and the summary names the metrics' source.
   */
  public RunData withMetrics(RunMetrics computed) {
    Objects.requireNonNull(computed, "computed metrics");
    List<String> reasons = new ArrayList<>();
    for (String reason : partialReasons) {
      if (!reason.startsWith(RunDirectoryReader.NO_METRICS_REASON)) {
        reasons.add(reason);
      }
    }
    if (computed.partial()
        && reasons.stream().noneMatch(r -> r.startsWith(RunDirectoryReader.INCOMPLETE_REASON))) {
      reasons.add(
          RunDirectoryReader.INCOMPLETE_REASON + RunDirectoryReader.incompleteCounts(computed));
    }
    return new RunData(manifest, records, computed, MetricsSource.COMPUTED_FOR_REPORT, reasons);
  }
}
