package io.gvgap.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a run directory says about itself: {@code run.json}, the resolved spec, the spec as written
 * and the plugins that were discovered. The spec is kept as a JSON tree, so that it can be shown
 * without the plugins whose options it binds ({@link RunDirectory#resolvedSpec} binds them).
 *
 * @param directory the run directory
 * @param info the contents of {@code run.json}
 * @param spec the resolved spec ({@code spec.json}); an empty object when the file is missing
 * @param specSource the spec as written ({@code spec-source.yaml}); empty when missing
 * @param plugins the discovered providers ({@code plugins.json}); an empty array when missing
 */
public record RunManifest(
    Path directory, RunInfo info, JsonNode spec, String specSource, JsonNode plugins) {

  /** Validates the fields. */
  public RunManifest {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(plugins, "plugins");
    specSource = specSource == null ? "" : specSource;
  }

  /** Where the resolved spec ({@code spec.json}) of this run lies, e.g. to name it in a message. */
  public Path specFile() {
    return RunDirectory.specFile(directory);
  }
}
