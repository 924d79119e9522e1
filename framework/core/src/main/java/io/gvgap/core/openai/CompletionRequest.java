package io.gvgap.core.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;

/**
 * A {@code POST /v1/completions} request. A null field was not sent (the server applies its
 * default); the server checks ranges, this record only types.
 *
 * @param model the served model name
 * @param prompt one prompt or several (sent as a string when there is one)
 * @param n samples per prompt
 * @param maxTokens tokens to generate at most
 * @param maxCompletionTokens OpenAI's newer name for {@code max_tokens}; wins when both are sent
 * @param temperature sampling temperature
 * @param topP nucleus sampling mass
 * @param topK top-k sampling (an extension vLLM, llama.cpp server and gvgap serve accept); 0 or -1 = off
 * @param seed sampling seed
 * @param stop stop sequences
 * @param logprobs when set, return log-probabilities (the legacy shape); the number of alternatives
 * @param echo return the prompt before the completion (with its log-probabilities when {@code logprobs} is set)
 * @param stream streaming (not supported by gvgap serve)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionRequest(
    String model,

    @JsonDeserialize(using = StringOrList.Reader.class)
    @JsonSerialize(using = StringOrList.Writer.class)
    List<String> prompt,

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

    Integer logprobs,
    Boolean echo,
    Boolean stream) {}
