package io.gvgap.core.merge;

import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of all shards, keyed (never matched by position in a file), with checks that each
 * record belongs to the shard that holds it and that no record is held by two shards.
 *
 * <p>Everything is held in memory, as {@code RunMetricsCalculator} holds a whole run's samples to
 * compute its metrics anyway.
 */
final class ShardRecords {

  private final Map<String, TreeMap<Integer, ExampleRecord>> examplesByTask = new HashMap<>();
  private final Map<ExampleKey, List<SampleRecord>> samples = new HashMap<>();
  private final Map<ExampleKey, Map<String, ScoreRecord>> scores = new HashMap<>();
  private final Map<String, ShardRun> holderOfExample = new HashMap<>();

  private ShardRecords() {
  }

  /**
   * Reads every shard's examples, samples and scores.
   *
   * @throws RunStoreException when a record is in the wrong shard or in two shards
   */
  static ShardRecords read(List<ShardRun> shards) {
    ShardRecords records = new ShardRecords();
    for (ShardRun shard : shards) {
      records.readShard(shard);
    }
    return records;
  }

  private void readShard(ShardRun shard) {
    Shard slice = shard.shard();
    JsonLinesReader.read(shard.directory().resolve(RunStore.EXAMPLES), ExampleRecord.class, e -> {
      if (!slice.includes(e.position())) {
        throw new RunStoreException(shard.describe() + " holds example '" + e.exampleId() + "' of task '" + e.task()
            + "' at position " + e.position() + ", which belongs to shard " + e.position() % slice.count() + "/"
            + slice.count() + "; the directory's records do not match its run.json: rerun that shard into a new"
            + " directory");
      }
      ExampleRecord earlier = examplesByTask.computeIfAbsent(e.task(), t -> new TreeMap<>()).putIfAbsent(e.position(), e);
      if (earlier != null) {
        throw new RunStoreException(shard.describe() + " and " + holderOfExample.get(exampleKey(e)).describe()
            + " both hold position " + e.position() + " of task '" + e.task() + "'; pass each shard once");
      }
      holderOfExample.put(exampleKey(e), shard);
    });
    JsonLinesReader.read(shard.directory().resolve(RunStore.SAMPLES), SampleRecord.class, s -> {
      checkHeldBy(shard, s.task(), s.exampleId(), RunStore.SAMPLES);
      samples.computeIfAbsent(s.exampleKey(), k -> new ArrayList<>()).add(s);
    });
    JsonLinesReader.read(shard.directory().resolve(RunStore.SCORES), ScoreRecord.class, r -> {
      checkHeldBy(shard, r.task(), r.exampleId(), RunStore.SCORES);
      if (scores.computeIfAbsent(r.exampleKey(), k -> new HashMap<>()).putIfAbsent(r.verifier(), r) != null) {
        throw new RunStoreException(shard.directory().resolve(RunStore.SCORES) + ": verifier '" + r.verifier()
            + "' scored " + r.exampleKey() + " twice; the shard directory is damaged: rerun that shard into a new"
            + " directory");
      }
    });
  }

  private void checkHeldBy(ShardRun shard, String task, String exampleId, String file) {
    ShardRun holder = holderOfExample.get(task + "\u0000" + exampleId);
    if (holder != shard) {
      throw new RunStoreException(shard.directory().resolve(file) + " has records of example '" + exampleId
          + "' of task '" + task + "', which " + (holder == null ? "is not in its " + RunStore.EXAMPLES
              : "belongs to " + holder.describe()) + "; the shard directory is damaged: rerun that shard into a"
          + " new directory");
    }
  }

  private static String exampleKey(ExampleRecord e) {
    return e.task() + "\u0000" + e.exampleId();
  }

  /**
   * A task's examples in unsharded order (by position).
   *
   * @throws RunStoreException when a position between 0 and the last one is in no shard
   */
  List<ExampleRecord> examples(String task) {
    TreeMap<Integer, ExampleRecord> byPosition = examplesByTask.getOrDefault(task, new TreeMap<>());
    int expected = 0;
    for (int position : byPosition.keySet()) {
      if (position != expected) {
        throw new RunStoreException("no shard holds example position " + expected + " of task '" + task
            + "' (positions run from 0 without gaps in an unsharded run); one of the shard directories is"
            + " incomplete: rerun its shard into a new directory");
      }
      expected++;
    }
    return new ArrayList<>(byPosition.values());
  }

  /**
   * The samples of an example, by sample index.
   *
   * @throws RunStoreException unless there are exactly {@code count} of them, indexed 0..count-1
   */
  List<SampleRecord> samples(ExampleKey key, int count) {
    List<SampleRecord> list = new ArrayList<>(samples.getOrDefault(key, List.of()));
    list.sort(Comparator.comparingInt(SampleRecord::sampleIndex));
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).sampleIndex() != i) {
        list = List.of();
        break;
      }
    }
    if (list.size() != count) {
      throw new RunStoreException(holderOf(key).describe() + " lacks samples of " + key + " (the spec asks for "
          + count + " per example) although its run.json says it finished; rerun that shard into a new directory");
    }
    return list;
  }

  /**
   * One verifier's scores of an example.
   *
   * @throws RunStoreException when the verifier did not score it
   */
  ScoreRecord scores(ExampleKey key, String verifier) {
    ScoreRecord record = scores.getOrDefault(key, Map.of()).get(verifier);
    if (record == null) {
      throw new RunStoreException(holderOf(key).describe() + " has no scores of verifier '" + verifier + "' for "
          + key + " although its run.json says it finished; rerun that shard into a new directory");
    }
    return record;
  }

  private ShardRun holderOf(ExampleKey key) {
    return holderOfExample.get(key.task() + "\u0000" + key.exampleId());
  }
}
