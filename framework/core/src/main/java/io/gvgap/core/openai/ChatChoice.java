package io.gvgap.core.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One choice of a chat response.
 *
 * @param index the sample index
 * @param message the assistant's message
 * @param logprobs log-probabilities, null when not asked for
 * @param finishReason {@code stop} or {@code length}
 * @param gvgap gvgap serve's extension; absent from other servers' answers
 */
public record ChatChoice(
    Integer index,
    ChatMessage message,
    ChatLogProbs logprobs,
    String finishReason,
    @JsonInclude(JsonInclude.Include.NON_NULL) GvgapChoice gvgap) {}
