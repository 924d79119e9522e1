package io.gvgap.core.results;

import java.util.List;

/**
 * The held-out split of an improvement study, as recorded in {@code rounds.json}: each task's
 * examples are shuffled with {@code seed} and the first {@code train} share of them is the train
 * split; the rest is the evaluation split.
 *
 * @param train the share of each task's examples in the train split, in (0, 1)
 * @param seed the shuffle's seed
 * @param tasks the split of every task
 */
public record SplitRecord(double train, long seed, List<TaskSplit> tasks) {

  /** Copies the list. */
  public SplitRecord {
    tasks = List.copyOf(tasks);
  }
}
