package io.gvgap.core.merge;

import io.gvgap.core.store.MergedShard;
import io.gvgap.core.store.RunMetrics;
import java.nio.file.Path;
import java.util.List;

/**
 * What a merge produced.
 *
 * @param directory the merged run directory
 * @param shards the shards merged, by shard index
 * @param examples examples in the merged run (over all tasks)
 * @param samples samples in the merged run
 * @param metrics the merged run's metrics, also in {@code metrics.json}
 */
public record MergeResult(
    Path directory, List<MergedShard> shards, long examples, long samples, RunMetrics metrics) {

  /** Copies the list. */
  public MergeResult {
    shards = List.copyOf(shards);
  }
}
