package io.gvgap.core.openai;

import java.util.List;
import java.util.Map;

/**
 * The completions API's {@code logprobs} object: parallel lists, one entry per token.
 *
 * @param tokens token texts
 * @param tokenLogprobs each token's log-probability; null for a token without context (the first echoed one)
 * @param textOffset each token's start offset in the prompt + completion text
 * @param topLogprobs alternatives per token (gvgap serve sends null)
 */
public record LegacyLogProbs(
    List<String> tokens,
    List<Double> tokenLogprobs,
    List<Integer> textOffset,
    List<Map<String, Double>> topLogprobs) {}
