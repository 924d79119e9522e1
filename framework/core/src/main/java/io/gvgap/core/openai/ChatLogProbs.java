package io.gvgap.core.openai;

import java.util.List;

/**
 * A chat choice's {@code logprobs} object.
 *
 * @param content one entry per token
 */
public record ChatLogProbs(List<ChatTokenLogProb> content) {}
