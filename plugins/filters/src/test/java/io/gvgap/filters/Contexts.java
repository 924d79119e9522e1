package io.gvgap.filters;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.task.Answer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Filter contexts for tests. */
final class Contexts {

  private Contexts() {}

  /** A context for n samples without answers. */
  static FilterContext scoresOnly(int n) {
    return new FilterContext("example-1", Collections.nCopies(n, Answer.none()), 7);
  }

  /** A context whose answers are the given values; null means no answer. */
  static FilterContext answers(String... values) {
    List<Answer> answers =
        Arrays.stream(values).map(v -> v == null ? Answer.none() : Answer.of(v)).toList();
    return new FilterContext("example-1", answers, 7);
  }
}
