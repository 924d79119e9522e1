package io.gvgap.core.openai;

import java.util.List;

/**
 * One entry of a chat choice's {@code logprobs.content}.
 *
 * @param token the token text (gvgap serve: the whole completion)
 * @param logprob its log-probability; null when unknown
 * @param topLogprobs alternatives (gvgap serve sends none)
 */
public record ChatTokenLogProb(String token, Double logprob, List<ChatTokenLogProb> topLogprobs) {}
