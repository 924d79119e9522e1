package io.gvgap.core.metrics;

import java.util.Map;

/**
 * Everything the metrics need about one prompt (example) of one model x task. All arrays are aligned
 * by sample index {@code 0..n-1}; prompts of a group may have different {@code n}.
 *
 * <p>The constructor validates the data (equal lengths, utilities in [0, 1], weights finite and
 * non-negative, scores finite or NaN) and fails with a message that names the example id and the
 * verifier or strategy at fault. The arrays are not copied: do not change them afterwards.
 *
 * @param exampleId the example's id, unique within a group
 * @param utilities ground-truth utility {@code u} in [0, 1] per sample; at least one sample
 * @param answerFound per sample: false when the task could not extract an answer
 * @param scores verifier label to score per sample; NaN marks a parse failure
 * @param weights per strategy: weight per sample ({@code >= 0}); all zeros means "kept nothing"
 */
public record PromptData(
    String exampleId,
    double[] utilities,
    boolean[] answerFound,
    Map<String, double[]> scores,
    Map<StrategyKey, double[]> weights) {

  /** Validates the data; see the type's description. */
  public PromptData {
    PromptDataChecks.check(exampleId, utilities, answerFound, scores, weights);
    scores = Map.copyOf(scores);
    weights = Map.copyOf(weights);
  }

  /** The number of samples {@code n} of this prompt. */
  public int sampleCount() {
    return utilities.length;
  }
}
