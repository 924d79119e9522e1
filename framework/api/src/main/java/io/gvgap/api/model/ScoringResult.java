package io.gvgap.api.model;

import io.gvgap.api.Stable;
import java.util.List;
import java.util.Objects;

/**
 * Log-probabilities of a {@link ScoringRequest}'s continuations.
 *
 * @param id the request's id
 * @param logProbs natural-log probability of each continuation (sum over its tokens), in the
 *     request's order of continuations
 * @param tokenCounts number of tokens of each continuation
 */
@Stable
public record ScoringResult(String id, List<Double> logProbs, List<Integer> tokenCounts) {
  /** Validates and copies the fields. */
  public ScoringResult {
    Objects.requireNonNull(id, "id");
    logProbs = List.copyOf(logProbs);
    tokenCounts = List.copyOf(tokenCounts);
    if (logProbs.size() != tokenCounts.size()) {
      throw new IllegalArgumentException("one token count per log-probability");
    }
  }
}
