package io.gvgap.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.files.FileProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a run directory may be resumed by {@link RunStore}: the spec hash that decides it, the
 * corrected spec a directory without work accepts, and the errors that name what differs (spec
 * fields, shard, model fingerprints) and what to do.
 */
final class ResumeChecks {
  private ResumeChecks() {}

  /**
   * Refuses to resume the run {@code existing} of {@code dir} with the spec, shard and models given
   * now when any of them differs.
   *
   * @param hash {@link #specHash} of {@code resolvedSpecJson}
   *
   * @throws RunStoreException naming what differs and what to do
   */
  static void checkResumable(
      Path dir,
      RunInfo existing,
      String hash,
      String resolvedSpecJson,
      Shard shard,
      List<ModelFingerprint> models) {
    if (!existing.specHash().equals(hash)
        && !existing.specHash().equals(RunStore.sha256(resolvedSpecJson))) {
      throw new RunStoreException(
          dir + " holds a run of a different spec: " + specDifferences(dir, resolvedSpecJson)
              + ". To resume it, run its own spec (" + dir.resolve(RunStore.SPEC_SOURCE)
              + "); for a new run choose another output directory (spec field 'output' or"
              + " --output)");
    }
    if (!existing.effectiveShard().equals(shard)) {
      throw new RunStoreException(
          dir + " holds " + describe(existing.effectiveShard()) + " of run '"
              + existing.name() + "'; it cannot be resumed as " + describe(shard)
              + ". To finish it, rerun with "
              + (existing.effectiveShard().isWhole()
                  ? "no --shard"
                  : "--shard " + existing.effectiveShard().label())
              + "; for " + describe(shard) + " choose another output directory (--output)");
    }
    checkModels(dir, existing, models);
  }

  /**
   * The hash of a resolved spec that decides whether a directory's run can be resumed: of everything
   * that determines the results, so not of {@code output} (where they are written): a run directory
   * copied or moved elsewhere resumes under its spec.
   */
  static String specHash(String resolvedSpecJson) {
    return RunStore.sha256(withoutOutput(resolvedSpecJson).toString());
  }

  private static JsonNode withoutOutput(String resolvedSpecJson) {
    try {
      JsonNode tree = Json.mapper().readTree(resolvedSpecJson);
      if (tree instanceof ObjectNode object) {
        object.remove("output");
      }
      return tree;
    } catch (IOException e) {
      throw new IllegalArgumentException("the resolved spec is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Whether the run in {@code dir} was of another spec but finished no work (no sample and no score
   * recorded, e.g. a first attempt that failed opening a missing model), so the corrected spec may
   * take the directory over.
   */
  static boolean acceptsCorrectedSpec(
      Path dir, RunInfo existing, String hash, String resolvedSpecJson) {
    if (existing.specHash().equals(hash)
        || existing.specHash().equals(RunStore.sha256(resolvedSpecJson))
        || existing.mergedFrom() != null) {
      return false;
    }
    return !JsonLinesReader.hasRecord(dir.resolve(RunStore.SAMPLES))
        && !JsonLinesReader.hasRecord(dir.resolve(RunStore.SCORES))
        && !JsonLinesReader.hasRecord(dir.resolve(RunStore.WEIGHTS));
  }

  /** The fields in which the spec given now differs from the one recorded in the directory. */
  private static String specDifferences(Path dir, String resolvedSpecJson) {
    try {
      JsonNode recorded =
          withoutOutput(Files.readString(dir.resolve(RunStore.SPEC_JSON), StandardCharsets.UTF_8));
      List<JsonDifference.Difference> differences =
          JsonDifference.all(recorded, withoutOutput(resolvedSpecJson));
      if (differences.isEmpty()) {
        return "its " + RunStore.SPEC_JSON + " was written by another version of gvgap";
      }
      List<String> shown =
          differences.stream().limit(8).map(JsonDifference.Difference::describe).toList();
      return "its " + RunStore.SPEC_JSON + " differs from the spec given now in "
          + differences.size()
          + " field"
          + (differences.size() == 1 ? "" : "s") + " (recorded vs now): " + String.join("; ", shown)
          + (differences.size() > shown.size() ? "; ..." : "");
    } catch (IOException e) {
      return "its " + RunStore.SPEC_JSON + " cannot be read ("
          + FileProblems.explain(dir.resolve(RunStore.SPEC_JSON), e) + ")";
    }
  }

  /**
   * Compares the fingerprints recorded in {@code existing} with those computed now, model by model
   * (by label). A run directory without a record (written before fingerprints were recorded), or a
   * model without a fingerprint on either side, is not checked: there is nothing to compare.
   */
  static void checkModels(Path dir, RunInfo existing, List<ModelFingerprint> models) {
    if (existing.models() == null || models == null) {
      return;
    }
    List<String> changed = new ArrayList<>();
    for (Map.Entry<ModelFingerprint, ModelFingerprint> change :
        ModelFingerprint.changes(existing.models(), models)) {
      ModelFingerprint then = change.getKey();
      ModelFingerprint now = change.getValue();
      changed.add("model '" + now.label() + "' (" + now.source() + ") has fingerprint "
          + now.shortFingerprint()
          + " now, but the run's results were computed with fingerprint " + then.shortFingerprint()
          + (then.source().equals(now.source()) ? "" : " (" + then.source() + ")"));
    }
    if (!changed.isEmpty()) {
      throw new RunStoreException(dir
          + " holds results of a model whose files have changed since the run started"
          + " (retrained weights, or another tokenizer or config): " + String.join("; ", changed)
          + ". Resuming would mix results of two different models, so nothing was run and nothing in "
          + dir
          + " was changed. To resume this run, restore the model it was started with; to evaluate the model as it"
          + " is now, choose another output directory (spec field 'output' or --output).");
    }
  }

  private static String describe(Shard shard) {
    return shard.isWhole() ? "an unsharded run (all examples)" : "shard " + shard.label();
  }
}
