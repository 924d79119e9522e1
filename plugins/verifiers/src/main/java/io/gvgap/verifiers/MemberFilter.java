package io.gvgap.verifiers;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.task.Answer;
import io.gvgap.filters.BestOfNFilter;
import io.gvgap.filters.QuantileFilter;
import io.gvgap.filters.ThresholdFilter;
import io.gvgap.filters.TopKFilter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filter an {@code ensemble} member keeps its samples with in mode {@code intersect}, written
 * like a spec's filter label: {@code quantile(alpha=0.25)}, {@code quantile(alpha=0.5, ties=keep)},
 * {@code top-k(k=2)}, {@code threshold(tau=0.5)} or {@code best-of-n}. The rules are those of the
 * built-in filters ({@code io.gvgap.filters}); ties at a rank cut are broken with the seed given.
 *
 * @param text the label as written
 * @param name the filter's name
 * @param options its options by name
 */
record MemberFilter(String text, String name, Map<String, String> options) {
  /** The filters a member may use, with the options each accepts. */
  static final Map<String, Set<String>> SUPPORTED = supported();

  private static Map<String, Set<String>> supported() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("quantile", Set.of("alpha", "ties"));
    m.put("top-k", Set.of("k", "ties"));
    m.put("threshold", Set.of("tau"));
    m.put("best-of-n", Set.of());
    return Collections.unmodifiableMap(m);
  }

  /** Parses a label; fails with what is wrong and what is supported. */
  static MemberFilter parse(String text) {
    String t = text == null ? "" : text.strip();
    String name = t;
    Map<String, String> options = new LinkedHashMap<>();
    int open = t.indexOf('(');
    if (open >= 0) {
      if (!t.endsWith(")")) {
        throw new IllegalArgumentException(
            "filters: '" + text + "' has no closing parenthesis; write e.g. quantile(alpha=0.25)");
      }
      name = t.substring(0, open).strip();
      String inside = t.substring(open + 1, t.length() - 1).strip();
      if (!inside.isEmpty()) {
        for (String pair : inside.split(",")) {
          String[] kv = pair.split("=", 2);
          if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
            throw new IllegalArgumentException("filters: '" + text + "': '" + pair.strip()
                + "' is not option=value; write e.g. quantile(alpha=0.25)");
          }
          options.put(kv[0].strip(), kv[1].strip());
        }
      }
    }
    Set<String> accepted = SUPPORTED.get(name);
    if (accepted == null) {
      throw new IllegalArgumentException("filters: '" + text + "' is not a filter an intersect "
          + "member can use; use one of " + SUPPORTED.keySet()
          + " (e.g. quantile(alpha=0.25), top-k(k=2), threshold(tau=0.5), best-of-n)");
    }
    for (String option : options.keySet()) {
      if (!accepted.contains(option)) {
        throw new IllegalArgumentException("filters: '" + text + "': " + name + " has no option '"
            + option + "'; its options are " + accepted);
      }
    }
    MemberFilter filter = new MemberFilter(text, name, Map.copyOf(options));
    filter.weights(new double[] {0.5}, 0, "check"); // checks the values now, not at run time
    return filter;
  }

  /** Weights 0 or 1 of one member's scores (NaN: no score, never kept). */
  double[] weights(double[] scores, long seed, String exampleId) {
    return switch (name) {
      case "quantile" -> {
        double alpha = number("alpha", 0.25);
        if (!(alpha > 0 && alpha <= 1)) {
          throw new IllegalArgumentException(
              "filters: '" + text + "': alpha must be in (0, 1], was " + alpha);
        }
        yield ties()
            ? QuantileFilter.weights(scores, alpha)
            : QuantileFilter.weights(scores, alpha, seed, exampleId);
      }
      case "top-k" -> {
        double k = number("k", 4);
        if (k < 1 || k != Math.rint(k)) {
          throw new IllegalArgumentException(
              "filters: '" + text + "': k must be a whole number >= 1, was " + options.get("k"));
        }
        yield ties()
            ? TopKFilter.weights(scores, (int) k)
            : TopKFilter.weights(scores, (int) k, seed, exampleId);
      }
      case "threshold" -> {
        double tau = number("tau", 0.5);
        if (!(tau >= 0 && tau <= 1)) {
          throw new IllegalArgumentException(
              "filters: '" + text + "': tau must be in [0, 1], was " + tau);
        }
        yield ThresholdFilter.weights(scores, tau);
      }
      default ->
        BestOfNFilter.weights(
            scores,
            new FilterContext(exampleId, Collections.nCopies(scores.length, Answer.none()), seed));
    };
  }

  /** Whether ties at the cut are all kept ({@code ties=keep}); the default breaks them. */
  private boolean ties() {
    String ties = options.getOrDefault("ties", "break").toLowerCase(Locale.ROOT);
    return switch (ties) {
      case "keep" -> true;
      case "break" -> false;
      default ->
        throw new IllegalArgumentException(
            "filters: '" + text + "': ties must be keep or break, was " + options.get("ties"));
    };
  }

  private double number(String option, double fallback) {
    String value = options.get(option);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "filters: '" + text + "': " + option + " must be a number, was '" + value + "'", e);
    }
  }
}
