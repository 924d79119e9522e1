package io.gvgap.core.store;

import java.util.List;

/**
 * The examples of one model on one task, in the task's order (by example position).
 *
 * @param model the generator's label
 * @param task the task's label
 * @param examples the examples with their samples, scores and weights
 */
public record ResultGroup(String model, String task, List<ExampleResults> examples) {

  /** Copies the list. */
  public ResultGroup {
    examples = List.copyOf(examples);
  }
}
