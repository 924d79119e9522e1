package io.gvgap.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gvgap.core.registry.NearestName;
import java.util.List;
import java.util.Set;

/**
 * How metrics are computed: the spec's {@code metrics:} section with defaults applied (in JSON with the
 * spec's snake_case keys).
 *
 * @param bootstrap bootstrap draws for confidence intervals, at least 1
 * @param confidence the intervals' confidence level, in (0, 1)
 * @param passAtK the k values of pass@k, each at least 1 (and at most the samples per prompt)
 * @param emptyKept what a prompt whose filter keeps nothing counts as: {@code fallback} (its
 *     unfiltered accuracy, so it adds no gap) or {@code exclude} (left out of both sides of the gap)
 */
public record MetricsSettingsSpec(
    int bootstrap,
    double confidence,
    @JsonProperty("pass_at_k") List<Integer> passAtK,
    @JsonProperty("empty_kept") String emptyKept) {

  /** The accepted values of {@link #emptyKept()}. */
  public static final Set<String> EMPTY_KEPT_VALUES = Set.of("fallback", "exclude");

  /** 1000 bootstrap draws, 95% intervals, pass@1, empty filters fall back to all samples. */
  public static final MetricsSettingsSpec DEFAULTS =
      new MetricsSettingsSpec(1000, 0.95, List.of(1), "fallback");

  /** Checks the ranges above and copies the list. */
  public MetricsSettingsSpec {
    if (bootstrap < 1) {
      throw new IllegalArgumentException("bootstrap must be >= 1, was " + bootstrap);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
    if (passAtK == null) {
      throw new IllegalArgumentException(
          "passAtK must be a non-empty list of values >= 1, was null");
    }
    passAtK = List.copyOf(passAtK);
    if (passAtK.isEmpty()) {
      throw new IllegalArgumentException("passAtK must be a non-empty list of values >= 1, was []");
    }
    for (int i = 0; i < passAtK.size(); i++) {
      if (passAtK.get(i) < 1) {
        throw new IllegalArgumentException(
            "passAtK[" + i + "] must be >= 1, was " + passAtK.get(i));
      }
      if (passAtK.indexOf(passAtK.get(i)) < i) {
        throw new IllegalArgumentException("passAtK[" + i + "]: the value " + passAtK.get(i)
            + " is listed twice; list each value once");
      }
    }
    if (!EMPTY_KEPT_VALUES.contains(emptyKept)) {
      String suggestion = emptyKept == null
          ? ""
          : NearestName.find(emptyKept, List.of("fallback", "exclude"))
              .map(s -> "; did you mean '" + s + "'?")
              .orElse("");
      throw new IllegalArgumentException("emptyKept must be one of fallback, exclude, was "
          + (emptyKept == null ? "null" : "'" + emptyKept + "'") + suggestion);
    }
  }
}
