package io.gvgap.verifiers;

import io.gvgap.api.Option;

/**
 * Options of the chain-of-thought verifiers {@code cot-binary} and {@code cot-score}.
 *
 * @param k verification samples per sample; the parsed ones are averaged
 * @param temperature sampling temperature of the verification samples
 * @param max_tokens most tokens one verification may generate (named as users write it in specs)
 */
public record CotOptions(
    @Option(
        description =
            "verification samples per sample (K); the scores of those that parse are averaged",
        defaultValue = "1")
    int k,

    @Option(
        description = "sampling temperature of the verification samples, >= 0 (0 is greedy)",
        defaultValue = "0.7")
    double temperature,

    @Option(description = "most tokens one verification may generate, >= 1", defaultValue = "256")
    int max_tokens) {

  /** Validates the ranges. */
  public CotOptions {
    if (k < 1) {
      throw new IllegalArgumentException(
          "option k (verification samples per sample) must be at least 1, was " + k);
    }
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException(
          "option temperature must be a finite number >= 0, was " + temperature);
    }
    if (max_tokens < 1) {
      throw new IllegalArgumentException("option max_tokens must be at least 1, was " + max_tokens);
    }
  }
}
