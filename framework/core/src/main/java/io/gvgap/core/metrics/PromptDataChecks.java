package io.gvgap.core.metrics;

import java.util.Map;

/** The validation of one {@link PromptData}; every message names the example and what to fix. */
final class PromptDataChecks {

  private PromptDataChecks() {}

  static void check(
      String exampleId,
      double[] utilities,
      boolean[] answerFound,
      Map<String, double[]> scores,
      Map<StrategyKey, double[]> weights) {
    if (exampleId == null || exampleId.isBlank()) {
      throw new IllegalArgumentException(
          "PromptData.exampleId is blank; every prompt needs its example id");
    }
    String where = "prompt '" + exampleId + "'";
    if (utilities == null || utilities.length == 0) {
      throw new IllegalArgumentException(where + " has no samples (utilities is empty or null); "
          + "a prompt needs at least one sample to have an accuracy");
    }
    int n = utilities.length;
    for (int i = 0; i < n; i++) {
      double u = utilities[i];
      if (!(u >= 0 && u <= 1)) {
        throw new IllegalArgumentException(where + ": utility of sample " + i + " is " + u
            + "; utilities must lie in [0, 1] (check the task's utility function)");
      }
    }
    if (answerFound == null || answerFound.length != n) {
      throw new IllegalArgumentException(where + ": answerFound has "
          + (answerFound == null ? "no array" : answerFound.length + " entries") + " but there are "
          + n
          + " samples (utilities); give one flag per sample");
    }
    if (scores == null) {
      throw new IllegalArgumentException(
          where + ": scores is null; use an empty map when no verifier ran");
    }
    for (Map.Entry<String, double[]> e : scores.entrySet()) {
      checkScores(where, n, e.getKey(), e.getValue());
    }
    if (weights == null) {
      throw new IllegalArgumentException(
          where + ": weights is null; use an empty map when no filter ran");
    }
    for (Map.Entry<StrategyKey, double[]> e : weights.entrySet()) {
      checkWeights(where, n, e.getKey(), e.getValue());
    }
  }

  private static void checkScores(String where, int n, String verifier, double[] values) {
    if (verifier == null || verifier.isBlank()) {
      throw new IllegalArgumentException(where + ": a verifier label in scores is blank; "
          + "use the verifier's label as written in reports");
    }
    if (values == null || values.length != n) {
      throw new IllegalArgumentException(where + ": scores of verifier '" + verifier + "' has "
          + (values == null ? "no array" : values.length + " entries") + " but there are " + n
          + " samples; a verifier must give one score per sample (NaN for a parse failure)");
    }
    for (int i = 0; i < n; i++) {
      if (Double.isInfinite(values[i])) {
        throw new IllegalArgumentException(
            where + ": score of sample " + i + " by verifier '" + verifier + "' is " + values[i]
                + "; scores must be finite, or NaN for a parse failure");
      }
    }
  }

  private static void checkWeights(String where, int n, StrategyKey key, double[] values) {
    if (key == null) {
      throw new IllegalArgumentException(where + ": a strategy key in weights is null");
    }
    if (values == null || values.length != n) {
      throw new IllegalArgumentException(where + ": weights of strategy (verifier=" + key.verifier()
          + ", filter=" + key.filter() + ") has "
          + (values == null ? "no array" : values.length + " entries")
          + " but there are " + n + " samples; a filter must give one weight per sample");
    }
    for (int i = 0; i < n; i++) {
      double w = values[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException(
            where + ": weight of sample " + i + " for strategy (verifier="
                + key.verifier() + ", filter=" + key.filter() + ") is " + w
                + "; weights must be finite and >= 0 (0 = not kept)");
      }
    }
  }
}
