package io.gvgap.core.openai;

/**
 * gvgap's extension of a choice (the {@code gvgap} object): what OpenAI's fields fold away.
 *
 * @param tokenCount generated tokens
 * @param finishReason {@code stop}, {@code eos}, {@code length} or {@code context}
 * @param logprob the completion's sequence log-probability; null when nothing was generated or it is unknown
 */
public record GvgapChoice(Integer tokenCount, String finishReason, Double logprob) {}
