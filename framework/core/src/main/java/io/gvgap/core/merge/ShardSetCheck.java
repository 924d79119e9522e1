package io.gvgap.core.merge;

import io.gvgap.core.store.JsonDifference;
import io.gvgap.core.store.ModelFingerprint;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks that a set of shard directories can be merged: one spec, one content of each model (where
 * the shards recorded model fingerprints), one shard count {@code n}, every shard {@code 0..n-1}
 * exactly once, and every shard finished. Each failure names the directory
 * and says what to do.
 */
final class ShardSetCheck {

  private ShardSetCheck() {}

  /**
   * Checks {@code shards} and returns them ordered by shard index.
   *
   * @throws RunStoreException describing the first problem found
   */
  static List<ShardRun> check(List<ShardRun> shards) {
    if (shards.isEmpty()) {
      throw new RunStoreException(
          "no shard directories given; pass the run directory of every shard");
    }
    ShardRun first = shards.get(0);
    for (ShardRun other : shards.subList(1, shards.size())) {
      Optional<JsonDifference.Difference> difference =
          JsonDifference.first(first.spec(), other.spec());
      if (difference.isPresent()) {
        JsonDifference.Difference d = difference.get();
        throw new RunStoreException(other.directory() + " was run from a different spec than "
            + first.directory() + ": their " + RunStore.SPEC_JSON + " differ at '" + d.path()
            + "' (" + d.inSecond()
            + " vs " + d.inFirst()
            + "); merge only shards of one spec (rerun that shard with the same spec file"
            + " and plugins)");
      }
      checkSameModels(first, other);
      if (other.shard().count() != first.shard().count()) {
        throw new RunStoreException(
            other.describe() + " and " + first.describe() + " split the run into a"
                + " different number of shards; all shards of one merge need the same N (rerun the odd ones with"
                + " --shard I/" + first.shard().count() + ")");
      }
    }
    int count = first.shard().count();
    TreeMap<Integer, ShardRun> byIndex = new TreeMap<>();
    for (ShardRun shard : shards) {
      ShardRun earlier = byIndex.putIfAbsent(shard.shard().index(), shard);
      if (earlier != null) {
        throw new RunStoreException(
            "shard " + shard.shard().label() + " is given twice: " + earlier.directory() + " and "
                + shard.directory() + "; pass each shard's directory once");
      }
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i + "/" + count);
      }
    }
    if (!missing.isEmpty()) {
      throw new RunStoreException(
          (missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are") + " missing (given: "
              + byIndex.values().stream().map(s -> s.shard().label()).toList()
              + "); run 'gvgap run SPEC --shard " + missing.get(0)
              + "' for each missing shard (SPEC as saved in "
              + RunDirectory.specSourceFile(first.directory())
              + ") and pass its directory too");
    }
    List<String> unfinished = new ArrayList<>();
    for (ShardRun shard : byIndex.values()) {
      RunStatus status = shard.info().status();
      if (status != RunStatus.SUCCESS) {
        unfinished.add(shard.describe() + " has not finished ("
            + (status == RunStatus.ERROR
                ? "it stopped with an error: " + shard.info().error()
                : "status " + status + ": still running, or interrupted")
            + "); rerun 'gvgap run SPEC --shard " + shard.shard().label() + " --output "
            + shard.directory()
            + "' to finish it (it resumes where it stopped), then merge again");
      }
    }
    if (!unfinished.isEmpty()) {
      throw new RunStoreException(String.join("\n", unfinished));
    }
    List<ShardRun> ordered = new ArrayList<>(byIndex.values());
    ordered.sort(Comparator.comparingInt(s -> s.shard().index()));
    return ordered;
  }

  /**
   * The model fingerprints the merged run records: those of the shards, which all agree once
   * {@link #check} passed; null (not recorded) when some shard has no record (written before gvgap
   * recorded fingerprints), since that shard's models were never checked.
   */
  static List<ModelFingerprint> mergedModels(List<ShardRun> shards) {
    if (shards.stream().anyMatch(s -> s.info().models() == null)) {
      return null;
    }
    Map<String, ModelFingerprint> byLabel = new LinkedHashMap<>();
    shards.forEach(s -> s.info().models().forEach(m -> byLabel.putIfAbsent(m.label(), m)));
    return List.copyOf(byLabel.values());
  }

  /** Shards whose runs recorded different content for one model label evaluated different models. */
  private static void checkSameModels(ShardRun first, ShardRun other) {
    if (first.info().models() == null || other.info().models() == null) {
      return;
    }
    List<Map.Entry<ModelFingerprint, ModelFingerprint>> changes =
        ModelFingerprint.changes(first.info().models(), other.info().models());
    if (!changes.isEmpty()) {
      ModelFingerprint theirs = changes.get(0).getKey();
      ModelFingerprint mine = changes.get(0).getValue();
      throw new RunStoreException(
          other.describe() + " and " + first.describe() + " were run with different"
              + " contents of model '" + mine.label() + "': fingerprint " + mine.shortFingerprint()
              + " ("
              + mine.source() + ") vs " + theirs.shortFingerprint() + " (" + theirs.source()
              + "); the model's"
              + " files changed between the shards (e.g. retrained weights), so their results do not form one run."
              + " Rerun the shards made with the other version of the model, each into a new directory (--output),"
              + " then merge again");
    }
  }
}
