package io.gvgap.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedSpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A finished, running or crashed run directory opened for reading: its {@linkplain RunManifest
 * manifest}, its {@linkplain RunRecords records} (each example joined with its samples, scores and
 * weights) and its metrics. This is the one reader of the files {@link RunStore} writes; no code
 * outside this package parses them (a test enforces it).
 *
 * <pre>{@code
 * RunDirectory run = RunDirectory.open(Path.of("runs/demo"));
 * for (ResultGroup group : run.records().groups()) {
 *   for (ExampleResults example : group.examples()) {
 *     List<SampleWeight> kept = example.weights("cot-score", "quantile(alpha=0.25)");
 *   }
 * }
 * }</pre>
 */
public final class RunDirectory {

  private final RunManifest manifest;
  private RunRecords records;

  private RunDirectory(RunManifest manifest) {
    this.manifest = manifest;
  }

  /**
   * Opens the run directory {@code dir}, reading its manifest now and its records when first asked.
   *
   * @throws RunStoreException when the directory is missing, is not a gvgap run (no
   *     {@code run.json}), or its manifest files are damaged
   */
  public static RunDirectory open(Path dir) {
    RunInfo info = RunStore.readInfo(dir);
    JsonNode spec = readJson(dir.resolve(RunStore.SPEC_JSON), Json.mapper().createObjectNode());
    JsonNode plugins =
        readJson(dir.resolve(RunStore.PLUGINS_JSON), Json.mapper().createArrayNode());
    String specSource = readText(dir.resolve(RunStore.SPEC_SOURCE));
    return new RunDirectory(new RunManifest(dir, info, spec, specSource, plugins));
  }

  /** Whether {@code dir} looks like a run directory (it has a {@code run.json}). */
  public static boolean isRunDirectory(Path dir) {
    return Files.isRegularFile(dir.resolve(RunStore.RUN_JSON));
  }

  /** Where the resolved spec ({@code spec.json}) of the run in {@code dir} lies, e.g. to name it in a message. */
  public static Path specFile(Path dir) {
    return dir.resolve(RunStore.SPEC_JSON);
  }

  /**
   * Where the spec as written ({@code spec-source.yaml}) of the run in {@code dir} lies, e.g. to tell
   * a user which spec to run again.
   */
  public static Path specSourceFile(Path dir) {
    return dir.resolve(RunStore.SPEC_SOURCE);
  }

  /** The directory. */
  public Path path() {
    return manifest.directory();
  }

  /** What the directory says about itself. */
  public RunManifest manifest() {
    return manifest;
  }

  /** The records, read on first use and kept. */
  public synchronized RunRecords records() {
    if (records == null) {
      records = RunRecords.read(path());
    }
    return records;
  }

  /**
   * The contents of {@code metrics.json}, empty when the run has not written it (yet).
   *
   * @throws RunStoreException when the file exists but is not valid
   */
  public Optional<RunMetrics> metrics() {
    Path file = path().resolve(RunStore.METRICS_JSON);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(file.toFile(), RunMetrics.class));
    } catch (IOException e) {
      throw new RunStoreException(
          file + ": not a valid metrics.json (" + e.getMessage()
              + "); delete it and recompute the metrics with `gvgap report`",
          e);
    }
  }

  /**
   * The resolved spec with each component's options bound by the plugins at hand, and this
   * directory as its output (a moved run directory reads as where it is now).
   *
   * @throws RunStoreException when {@code spec.json} is missing or not a resolved spec
   */
  public ResolvedRunSpec resolvedSpec(PluginRegistry registry) {
    return ResolvedSpecReader.read(path().resolve(RunStore.SPEC_JSON), registry).withOutput(path());
  }

  /**
   * Reads a text file of the directory that a new run directory copies ({@code spec-source.yaml},
   * {@code plugins.json}), as it is.
   *
   * @throws RunStoreException when it cannot be read
   */
  public String specSourceText() {
    return readRequiredText(path().resolve(RunStore.SPEC_SOURCE));
  }

  /** The text of {@code plugins.json}, as it is; see {@link #specSourceText}. */
  public String pluginsText() {
    return readRequiredText(path().resolve(RunStore.PLUGINS_JSON));
  }

  private static String readRequiredText(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new RunStoreException(
          file + ": cannot read it (" + e.getMessage() + "); the run directory is" + " incomplete",
          e);
    }
  }

  private static JsonNode readJson(Path file, JsonNode absent) {
    if (!Files.exists(file)) {
      return absent;
    }
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new RunStoreException(
          file + ": not valid JSON (" + e.getMessage() + "); the run directory is damaged", e);
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
