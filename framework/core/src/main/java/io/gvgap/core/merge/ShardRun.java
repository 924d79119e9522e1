package io.gvgap.core.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.RunManifest;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.core.store.Shard;
import java.nio.file.Path;

/**
 * A shard's run directory as the merge sees it: its {@code run.json} and its resolved spec.
 *
 * @param directory the run directory
 * @param info its {@code run.json}
 * @param spec its {@code spec.json} without the {@code output} field (each shard has its own)
 */
record ShardRun(Path directory, RunInfo info, JsonNode spec) {

  /**
   * Reads a shard's run directory.
   *
   * @throws RunStoreException when it is not a gvgap run, or a run made without {@code --shard}
   */
  static ShardRun open(Path directory) {
    RunManifest manifest = RunDirectory.open(directory).manifest();
    RunInfo info = manifest.info();
    if (info.shard() == null) {
      throw new RunStoreException(
          directory + " is not a shard: its " + RunStore.RUN_JSON + " has no 'shard'"
              + (info.mergedFrom() != null
                  ? " (it is itself a merged run)"
                  : " (it was run without --shard)")
              + "; merge takes the run directories written by 'gvgap run SPEC --shard I/N'");
    }
    Path specFile = manifest.specFile();
    JsonNode spec = manifest.spec();
    if (spec.isEmpty()) {
      throw new RunStoreException(
          specFile + ": cannot read the shard's resolved spec (it is missing or empty)");
    }
    if (!(spec instanceof ObjectNode object)) {
      throw new RunStoreException(specFile + ": not a gvgap resolved spec (not a JSON object)");
    }
    ObjectNode withoutOutput = object.deepCopy();
    withoutOutput.remove("output");
    return new ShardRun(directory, info, withoutOutput);
  }

  /** The shard this directory covers. */
  Shard shard() {
    return info.shard();
  }

  /** "DIR (shard i/n)", for messages. */
  String describe() {
    return directory + " (shard " + shard().label() + ")";
  }
}
