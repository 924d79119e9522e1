package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  private RunDirectoryReader() {
  }

  /**
   * Reads the run directory {@code dir}.
   *
   * @throws RunStoreException when the directory is missing, is not a gvgap run (no
   *     {@code run.json}), or holds a damaged file (the message names file and line)
   */
  public static RunData read(Path dir) {
    RunInfo info = RunStore.readInfo(dir);
    JsonNode spec = readJson(dir.resolve(RunStore.SPEC_JSON), Json.mapper().createObjectNode());
    JsonNode plugins = readJson(dir.resolve(RunStore.PLUGINS_JSON), Json.mapper().createArrayNode());
    String specSource = readText(dir.resolve(RunStore.SPEC_SOURCE));
    List<ExampleRecord> examples = new ArrayList<>();
    JsonLinesReader.read(dir.resolve(RunStore.EXAMPLES), ExampleRecord.class, examples::add);
    List<SampleRecord> samples = new ArrayList<>();
    JsonLinesReader.read(dir.resolve(RunStore.SAMPLES), SampleRecord.class, samples::add);
    List<ScoreRecord> scores = new ArrayList<>();
    JsonLinesReader.read(dir.resolve(RunStore.SCORES), ScoreRecord.class, scores::add);

    List<String> reasons = new ArrayList<>();
    if (info.status() == RunStatus.STARTED) {
      reasons.add("run.json says STARTED: the run is still going, or it stopped without recording an end "
          + "(resume it with the same spec to finish it)");
    } else if (info.status() == RunStatus.ERROR) {
      reasons.add("the run stopped with an error: " + (info.error() == null ? "(no message recorded)" : info.error()));
    }
    Path metricsFile = dir.resolve(RunStore.METRICS_JSON);
    RunMetrics metrics = null;
    if (Files.exists(metricsFile)) {
      try {
        metrics = Json.mapper().readValue(metricsFile.toFile(), RunMetrics.class);
      } catch (IOException e) {
        throw new RunStoreException(metricsFile + ": not a valid metrics.json (" + e.getMessage()
            + "); delete it and recompute the metrics with `gvgap report`", e);
      }
      if (metrics.partial()) {
        reasons.add(INCOMPLETE_REASON + incompleteCounts(metrics));
      }
    } else {
      reasons.add(NO_METRICS_REASON + ": gap tables and metric charts are absent; samples and scores are shown");
    }
    return new RunData(dir, info, spec, specSource, plugins, examples, samples, scores, metrics,
        metrics == null ? RunData.MetricsSource.NONE : RunData.MetricsSource.METRICS_JSON, reasons);
  }

  /** "model/task: n examples" for each group with incomplete examples. */
  static String incompleteCounts(RunMetrics metrics) {
    List<String> parts = new ArrayList<>();
    for (GroupResult group : metrics.groups()) {
      if (group.incompleteExamples() > 0 || group.metrics() == null) {
        parts.add(group.model() + "/" + group.task() + ": " + group.incompleteExamples() + " incomplete examples"
            + (group.metrics() == null ? " (no complete example, no metrics)" : ""));
      }
    }
    return parts.isEmpty() ? "metrics.json is marked partial" : String.join("; ", parts);
  }

  private static JsonNode readJson(Path file, JsonNode absent) {
    if (!Files.exists(file)) {
      return absent;
    }
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new RunStoreException(file + ": not valid JSON (" + e.getMessage() + "); the run directory is damaged", e);
    }
  }

  private static String readText(Path file) {
    if (!Files.exists(file)) {
      return "";
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RunStoreException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
