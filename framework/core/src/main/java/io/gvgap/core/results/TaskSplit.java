package io.gvgap.core.results;

import java.util.List;

/**
 * How one task's examples were split for an improvement study: the train split is distilled from,
 * the evaluation split never is.
 *
 * @param task the task label
 * @param trainSize examples in the train split
 * @param evalSize examples in the evaluation split
 * @param trainHash SHA-256 (hex) of the train split's example ids, sorted, one per line
 * @param evalHash SHA-256 (hex) of the evaluation split's example ids, sorted, one per line
 * @param trainIds the train split's example ids, in the task's order
 * @param evalIds the evaluation split's example ids, in the task's order
 */
public record TaskSplit(
    String task,
    int trainSize,
    int evalSize,
    String trainHash,
    String evalHash,
    List<String> trainIds,
    List<String> evalIds) {

  /** Copies the lists. */
  public TaskSplit {
    trainIds = List.copyOf(trainIds);
    evalIds = List.copyOf(evalIds);
  }
}
