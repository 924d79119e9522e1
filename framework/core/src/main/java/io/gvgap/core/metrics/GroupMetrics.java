package io.gvgap.core.metrics;

import java.util.List;

/**
 * All metrics of one group of prompts (one model x task), as written to a run's metrics JSON.
 * Undefined numbers are NaN in Java and {@code null} in JSON (see {@link NanAsNull}).
 *
 * @param prompts the number of prompts
 * @param samples the number of samples over all prompts
 * @param accuracy {@code J(f)} over all prompts (mean over prompts of the mean utility)
 * @param extractionFailureRate fraction of samples whose answer could not be extracted
 * @param coverage pass@N: fraction of prompts with at least one correct sample
 * @param passAtK unbiased pass@k for each k of the settings, in the settings' order
 * @param verifiers one row per verifier label, sorted by label
 * @param strategies one row per strategy, sorted by verifier then filter
 * @param correlations one row per pair of verifiers, sorted by labels
 */
public record GroupMetrics(
    int prompts,
    int samples,
    Estimate accuracy,
    @NanAsNull double extractionFailureRate,
    @NanAsNull double coverage,
    List<PassAtK> passAtK,
    List<VerifierMetrics> verifiers,
    List<StrategyMetrics> strategies,
    List<VerifierCorrelation> correlations) {

  /** Copies the lists. */
  public GroupMetrics {
    passAtK = List.copyOf(passAtK);
    verifiers = List.copyOf(verifiers);
    strategies = List.copyOf(strategies);
    correlations = List.copyOf(correlations);
  }

  /**
   * The AUROC of the verifier labelled {@code verifier}, shown beside each of its gaps; NaN when
   * undefined or when no verifier has that label.
   */
  public double aurocOf(String verifier) {
    return verifiers.stream()
        .filter(v -> v.verifier().equals(verifier))
        .mapToDouble(VerifierMetrics::auroc)
        .findFirst()
        .orElse(Double.NaN);
  }
}
