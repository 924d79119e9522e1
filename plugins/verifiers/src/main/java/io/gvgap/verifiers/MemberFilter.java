package io.gvgap.verifiers;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.task.Answer;
import io.gvgap.filters.BestOfNFilter;
import io.gvgap.filters.QuantileFilter;
import io.gvgap.filters.ThresholdFilter;
import io.gvgap.filters.Ties;
import io.gvgap.filters.TopKFilter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One ensemble member's own filter in mode {@code intersect}, written like a filter label: {@code
 * quantile(alpha=0.5)}, {@code quantile(alpha=0.25,ties=keep)}, {@code top-k(k=2)}, {@code
 * threshold(tau=0.5)} or {@code best-of-n}. It applies the built-in filter's own rule to the
 * member's scores of one example.
 */
record MemberFilter(String name, Map<String, String> options) {

  private static final Map<String, Set<String>> KNOWN = Map.of(
      "quantile", Set.of("alpha", "ties"),
      "top-k", Set.of("k", "ties"),
      "threshold", Set.of("tau"),
      "best-of-n", Set.of());

  /** Parses {@code name(key=value,...)}; {@code where} names the option in error messages. */
  static MemberFilter parse(String text, String where) {
    String t = text.trim();
    String name = t;
    Map<String, String> options = new LinkedHashMap<>();
    int open = t.indexOf('(');
    if (open >= 0) {
      if (!t.endsWith(")")) {
        throw new IllegalArgumentException(
            where + ": '" + text + "' must end with ')', e.g. quantile(alpha=0.5)");
      }
      name = t.substring(0, open).trim();
      String inner = t.substring(open + 1, t.length() - 1).trim();
      if (!inner.isEmpty()) {
        for (String pair : inner.split(",", -1)) {
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException(
                where + ": '" + pair.trim() + "' in '" + text + "' is not key=value");
          }
          options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
    }
    Set<String> allowed = KNOWN.get(name);
    if (allowed == null) {
      throw new IllegalArgumentException(where + ": unknown member filter '" + name
          + "'; use one of quantile, top-k, threshold, best-of-n");
    }
    for (String key : options.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(where + ": filter '" + name + "' has no option '" + key
            + "' (options: " + allowed + ")");
      }
    }
    MemberFilter filter = new MemberFilter(name, Collections.unmodifiableMap(options));
    filter.weights(new double[] {0.5}, 0, "check"); // validates the option values now
    return filter;
  }

  /** The 0/1 weights this filter gives one example's member scores (NaN never kept). */
  double[] weights(double[] scores, long seed, String exampleId) {
    return switch (name) {
      case "quantile" -> {
        double alpha = number("alpha", 0.25);
        new QuantileFilter.Options(alpha); // range check
        yield ties() == Ties.KEEP
            ? QuantileFilter.weights(scores, alpha)
            : QuantileFilter.weights(scores, alpha, seed, exampleId);
      }
      case "top-k" -> {
        double kValue = number("k", 4);
        int k = (int) kValue;
        if (k != kValue) {
          throw new IllegalArgumentException(
              "member filter top-k: k must be a whole number, was " + options.get("k"));
        }
        new TopKFilter.Options(k); // range check
        yield ties() == Ties.KEEP
            ? TopKFilter.weights(scores, k)
            : TopKFilter.weights(scores, k, seed, exampleId);
      }
      case "threshold" -> {
        double tau = number("tau", 0.5);
        new ThresholdFilter.Options(tau); // range check
        yield ThresholdFilter.weights(scores, tau);
      }
      default ->
        BestOfNFilter.weights(
            scores,
            new FilterContext(exampleId, Collections.nCopies(scores.length, Answer.none()), seed));
    };
  }

  private double number(String key, double fallback) {
    String value = options.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "member filter " + name + ": " + key + " must be a number, was '" + value + "'", e);
    }
  }

  private Ties ties() {
    String value = options.getOrDefault("ties", "break").toUpperCase(Locale.ROOT);
    try {
      return Ties.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "member filter " + name + ": ties must be keep or break, was '" + options.get("ties")
              + "'",
          e);
    }
  }
}
