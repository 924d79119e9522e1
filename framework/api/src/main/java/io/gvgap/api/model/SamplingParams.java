package io.gvgap.api.model;

import io.gvgap.api.Stable;

/**
 * How to sample. The paper's setting is temperature 0.7, top-p 0.9, 512 new tokens.
 *
 * @param temperature 0 means greedy
 * @param topP nucleus sampling mass in (0, 1]
 * @param topK 0 means no top-k cut
 * @param maxNewTokens at most this many generated tokens per completion
 * @param seed with the request id and sample index, determines every random choice
 */
@Stable
public record SamplingParams(
    double temperature, double topP, int topK, int maxNewTokens, long seed) {
  /** Validates the fields. */
  public SamplingParams {
    if (!(temperature >= 0)) {
      throw new IllegalArgumentException("temperature must be >= 0, was " + temperature);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0, was " + topK);
    }
    if (maxNewTokens < 1) {
      throw new IllegalArgumentException("maxNewTokens must be >= 1, was " + maxNewTokens);
    }
  }

  /** Greedy decoding. */
  public static SamplingParams greedy(int maxNewTokens) {
    return new SamplingParams(0, 1, 0, maxNewTokens, 0);
  }

  /** These parameters with another temperature. */
  public SamplingParams withTemperature(double newTemperature) {
    return new SamplingParams(newTemperature, topP, topK, maxNewTokens, seed);
  }

  /** These parameters with another token limit. */
  public SamplingParams withMaxNewTokens(int newMax) {
    return new SamplingParams(temperature, topP, topK, newMax, seed);
  }
}
