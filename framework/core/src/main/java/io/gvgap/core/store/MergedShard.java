package io.gvgap.core.store;

/**
 * One shard that went into a merged run, as {@code run.json} of the merged run records it.
 *
 * @param shard which slice it was
 * @param directory its run directory (absolute)
 * @param specHash the {@code specHash} of its {@code run.json}
 * @param attempts how many attempts the shard took
 */
public record MergedShard(Shard shard, String directory, String specHash, int attempts) {}
