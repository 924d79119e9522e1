package io.gvgap.core.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How samples are generated: the spec's {@code generation:} section with defaults applied (in JSON
 * with the spec's snake_case keys).
 *
 * @param samples samples per prompt (N), at least 1
 * @param temperature sampling temperature, at least 0
 * @param topP nucleus probability mass, in (0, 1]
 * @param topK top-k cut-off, 0 for none
 * @param maxTokens the most new tokens per sample, at least 1
 * @param batchExamples examples generated and verified per batch, which bounds memory; at least 1
 */
public record GenerationSettings(
    int samples,
    double temperature,
    @JsonProperty("top_p") double topP,
    @JsonProperty("top_k") int topK,
    @JsonProperty("max_tokens") int maxTokens,
    @JsonProperty("batch_examples") int batchExamples) {

  /** The paper's setting where the spec says nothing: 16 samples, T = 0.7, top-p 0.9, 512 tokens, 8 examples a batch. */
  public static final GenerationSettings DEFAULTS = new GenerationSettings(16, 0.7, 0.9, 0, 512, 8);

  /** Checks the ranges above; the spec loader checks them first so that errors carry a line. */
  public GenerationSettings {
    requireThat(samples >= 1, "samples must be >= 1, was " + samples);
    requireThat(
        temperature >= 0 && Double.isFinite(temperature),
        "temperature must be a finite number >= 0, was " + temperature);
    requireThat(topP > 0 && topP <= 1, "topP must be in (0, 1], was " + topP);
    requireThat(topK >= 0, "topK must be >= 0, was " + topK);
    requireThat(maxTokens >= 1, "maxTokens must be >= 1, was " + maxTokens);
    requireThat(batchExamples >= 1, "batchExamples must be >= 1, was " + batchExamples);
  }

  private static void requireThat(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
