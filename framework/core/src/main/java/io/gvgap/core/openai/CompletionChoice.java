package io.gvgap.core.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One choice of a completions response.
 *
 * @param index {@code p * n + i} for sample {@code i} of prompt {@code p}
 * @param text the completion (after the prompt when echoed)
 * @param logprobs log-probabilities, null when not asked for
 * @param finishReason {@code stop} or {@code length}
 * @param gvgap gvgap serve's extension; absent from other servers' answers
 */
public record CompletionChoice(
    Integer index,
    String text,
    LegacyLogProbs logprobs,
    String finishReason,
    @JsonInclude(JsonInclude.Include.NON_NULL) GvgapChoice gvgap) {}
