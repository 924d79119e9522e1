package io.gvgap.core.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link PromptData} for tests, with every answer found unless told otherwise. */
final class PromptBuilder {

  private final String id;
  private final double[] utilities;
  private boolean[] answerFound;
  private final Map<String, double[]> scores = new LinkedHashMap<>();
  private final Map<StrategyKey, double[]> weights = new LinkedHashMap<>();

  private PromptBuilder(String id, double[] utilities) {
    this.id = id;
    this.utilities = utilities;
    this.answerFound = new boolean[utilities.length];
    Arrays.fill(answerFound, true);
  }

  static PromptBuilder prompt(String id, double... utilities) {
    return new PromptBuilder(id, utilities);
  }

  PromptBuilder found(boolean... flags) {
    this.answerFound = flags;
    return this;
  }

  PromptBuilder score(String verifier, double... values) {
    scores.put(verifier, values);
    return this;
  }

  PromptBuilder weights(String verifier, String filter, double... values) {
    weights.put(new StrategyKey(verifier, filter), values);
    return this;
  }

  PromptData build() {
    return new PromptData(id, utilities, answerFound, scores, weights);
  }
}
