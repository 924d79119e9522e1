package io.gvgap.api.filter;

import io.gvgap.api.Stable;
import io.gvgap.api.task.Answer;
import java.util.List;
import java.util.Objects;

/**
 * What a filter may know about an example besides the scores.
 *
 * @param exampleId the example
 * @param answers each sample's extracted answer, aligned with the scores array
 * @param seed for filters that break ties at random
 */
@Stable
public record FilterContext(String exampleId, List<Answer> answers, long seed) {
  /** Validates and copies the fields. */
  public FilterContext {
    Objects.requireNonNull(exampleId, "exampleId");
    answers = List.copyOf(answers);
  }
}
