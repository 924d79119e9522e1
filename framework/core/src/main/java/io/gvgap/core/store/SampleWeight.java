package io.gvgap.core.store;

/**
 * The weight one (verifier, filter) strategy gives one sample, as stored in {@code weights.jsonl}.
 *
 * @param sampleIndex the sample
 * @param weight the filter's weight, finite and {@code >= 0}
 * @param kept whether the strategy keeps the sample ({@code weight > 0}); stored so that readers
 *     (reports, distillation) need not know the rule
 */
public record SampleWeight(int sampleIndex, double weight, boolean kept) {

  /** The weight of a sample, kept when it is positive. */
  public static SampleWeight of(int sampleIndex, double weight) {
    return new SampleWeight(sampleIndex, weight, weight > 0);
  }
}
