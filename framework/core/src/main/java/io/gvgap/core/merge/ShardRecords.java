package io.gvgap.core.merge;

import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.ExampleResults;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.Shard;
import io.gvgap.core.store.WeightRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The records of all shards, keyed (never matched by position in a file), with checks that each
 * record belongs to the shard that holds it and that no record is held by two shards. Each shard is
 * read through the run-directory model ({@link RunRecords}).
 *
 * <p>Everything is held in memory, as {@code RunMetricsCalculator} holds a whole run's samples to
 * compute its metrics anyway.
 */
final class ShardRecords {

  private final Map<String, TreeMap<Integer, ExampleRecord>> examplesByTask = new HashMap<>();
  private final Map<ExampleKey, ExampleResults> results = new HashMap<>();
  private final Map<String, Map<String, ShardRun>> holderOfExample = new HashMap<>();

  private ShardRecords() {}

  /**
   * Reads every shard's examples, samples, scores and weights.
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
    RunRecords records = RunRecords.read(shard.directory());
    for (ExampleRecord e : records.exampleRecords()) {
      if (!slice.includes(e.position())) {
        throw new RunStoreException(
            shard.describe() + " holds example '" + e.exampleId() + "' of task '" + e.task()
                + "' at position " + e.position() + ", which belongs to shard "
                + e.position() % slice.count() + "/"
                + slice.count()
                + "; the directory's records do not match its run.json: rerun that shard into a new"
                + " directory");
      }
      ExampleRecord earlier = examplesByTask
          .computeIfAbsent(e.task(), t -> new TreeMap<>())
          .putIfAbsent(e.position(), e);
      if (earlier != null) {
        throw new RunStoreException(shard.describe() + " and "
            + holder(e.task(), e.exampleId()).describe() + " both hold position " + e.position()
            + " of task '" + e.task() + "'; pass each shard once");
      }
      holderOfExample.computeIfAbsent(e.task(), t -> new HashMap<>()).put(e.exampleId(), shard);
    }
    records.examples().forEach(example -> {
      ExampleKey key = example.key();
      String file = !example.samples().isEmpty()
          ? RunStore.SAMPLES
          : !example.scores().isEmpty() ? RunStore.SCORES : RunStore.WEIGHTS;
      ShardRun holder = holder(key.task(), key.exampleId());
      if (holder != shard) {
        throw new RunStoreException(
            shard.directory().resolve(file) + " has records of example '" + key.exampleId()
                + "' of task '" + key.task() + "', which "
                + (holder == null
                    ? "is not in its " + RunStore.EXAMPLES
                    : "belongs to " + holder.describe())
                + "; the shard directory is damaged: rerun that shard into a"
                + " new directory");
      }
      results.put(key, example);
    });
  }

  private ShardRun holder(String task, String exampleId) {
    return holderOfExample.getOrDefault(task, Map.of()).get(exampleId);
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
        throw new RunStoreException(
            "no shard holds example position " + expected + " of task '" + task
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
    ExampleResults example = results.get(key);
    if (example == null || !example.hasAllSamples(count)) {
      throw new RunStoreException(
          holderOf(key).describe() + " lacks samples of " + key + " (the spec asks for " + count
              + " per example) although its run.json says it finished; rerun that shard into a new directory");
    }
    return example.samples();
  }

  /**
   * One verifier's scores of an example.
   *
   * @throws RunStoreException when the verifier did not score it
   */
  ScoreRecord scores(ExampleKey key, String verifier) {
    ExampleResults example = results.get(key);
    List<SampleScore> scores = example == null ? null : example.scores(verifier);
    if (scores == null) {
      throw new RunStoreException(
          holderOf(key).describe() + " has no scores of verifier '" + verifier + "' for " + key
              + " although its run.json says it finished; rerun that shard into a new directory");
    }
    return new ScoreRecord(key.model(), key.task(), verifier, key.exampleId(), scores);
  }

  /**
   * One strategy's weights of an example.
   *
   * @throws RunStoreException when the shard has not stored them (a shard written before gvgap
   *     stored weights: resume it with its spec to add them)
   */
  WeightRecord weights(ExampleKey key, StrategyKey strategy) {
    ExampleResults example = results.get(key);
    List<SampleWeight> weights =
        example == null ? null : example.weights(strategy.verifier(), strategy.filter());
    if (weights == null) {
      throw new RunStoreException(
          holderOf(key).describe() + " has no weights of strategy " + strategy + " for "
              + key + " (" + RunStore.WEIGHTS
              + "); run that shard's spec again on its directory (with the same --shard)"
              + " to add them, then merge");
    }
    return new WeightRecord(
        key.model(),
        key.task(),
        key.exampleId(),
        strategy.verifier(),
        strategy.filter(),
        weights,
        example.asked(strategy.verifier(), strategy.filter()));
  }

  private ShardRun holderOf(ExampleKey key) {
    return holder(key.task(), key.exampleId());
  }
}
