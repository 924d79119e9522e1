package io.gvgap.core.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * A {@code POST /v1/chat/completions} request; the fields are those of {@link CompletionRequest}
 * with {@code messages} in place of {@code prompt} and a boolean {@code logprobs}.
 *
 * @param model the served model name
 * @param messages the conversation
 * @param n samples
 * @param maxTokens tokens to generate at most
 * @param maxCompletionTokens OpenAI's newer name for {@code max_tokens}; wins when both are sent
 * @param temperature sampling temperature
 * @param topP nucleus sampling mass
 * @param topK top-k sampling (an extension); 0 or -1 = off
 * @param seed sampling seed
 * @param stop stop sequences
 * @param logprobs return the log-probability of each choice
 * @param stream streaming (not supported by gvgap serve)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    Integer n,
    Integer maxTokens,
    Integer maxCompletionTokens,
    Double temperature,
    Double topP,
    Integer topK,
    Long seed,

    @JsonDeserialize(using = StringOrList.Reader.class)
    @JsonSerialize(using = StringOrList.Writer.class)
    List<String> stop,

    Boolean logprobs,
    Boolean stream) {}
