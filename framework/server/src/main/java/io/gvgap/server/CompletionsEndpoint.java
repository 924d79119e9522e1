package io.gvgap.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /v1/completions} and {@code POST /v1/chat/completions} over a model.
 *
 * <p>Prompt {@code p} of a request becomes {@link GenerationRequest} id {@code "p"} with sample
 * indices {@code 0..n-1}, and the request's {@code seed} (default 0) is the sampling seed, so a
 * request repeated with the same seed gets the same samples. A choice's {@code logprobs} carries
 * one entry for the whole completion (the model's sequence log-probability, end-of-sequence token
 * included): the {@link io.gvgap.api.model.LanguageModel} API gives no per-token values for
 * generated text. Each choice also carries a {@code gvgap} object with {@code token_count},
 * {@code finish_reason} (stop, eos, length or context) and {@code logprob}.
 */
final class CompletionsEndpoint {
  private final SerializedModel model;
  private final TokenBoundaries boundaries;
  private final String servedName;
  private final ObjectMapper mapper;
  private final AtomicLong ids = new AtomicLong();

  CompletionsEndpoint(SerializedModel model, TokenBoundaries boundaries, String servedName, ObjectMapper mapper) {
    this.model = model;
    this.boundaries = boundaries;
    this.servedName = servedName;
    this.mapper = mapper;
  }

  private record Sampling(int n, SamplingParams params, int maxTokens, List<String> stop) {
  }

  private Sampling sampling(RequestFields fields, int defaultMaxTokens) {
    String model = fields.requiredString("model");
    if (!model.equals(servedName)) {
      throw new ApiException(404, "not_found_error", "model '" + model + "' is not served here; this server serves '"
          + servedName + "' (GET /v1/models lists it)");
    }
    if (fields.bool("stream", false)) {
      throw ApiException.badField("stream", "streaming is not supported by gvgap serve; send stream: false");
    }
    int n = fields.integer("n", 1, 1, 1024);
    int maxTokens = fields.node("max_completion_tokens") != null
        ? fields.integer("max_completion_tokens", defaultMaxTokens, 0, 1 << 20)
        : fields.integer("max_tokens", defaultMaxTokens, 0, 1 << 20);
    double temperature = fields.number("temperature", 1.0, 0, 100);
    double topP = fields.number("top_p", 1.0, 0, 1);
    if (topP <= 0) {
      throw ApiException.badField("top_p", "must be in (0, 1], was " + topP);
    }
    int topK = Math.max(0, fields.integer("top_k", 0, -1, 1 << 20));
    long seed = fields.longValue("seed", 0);
    List<String> stop = fields.stringOrList("stop", false);
    for (int i = 0; i < stop.size(); i++) {
      if (stop.get(i).isEmpty()) {
        throw ApiException.badField("stop[" + i + "]", "must not be empty");
      }
    }
    return new Sampling(n, new SamplingParams(temperature, topP, topK, Math.max(1, maxTokens), seed), maxTokens, stop);
  }

  /** Generated choices per prompt, sorted by sample index; none when {@code max_tokens} is 0. */
  private List<List<Completion>> generate(List<String> prompts, Sampling sampling) {
    List<List<Completion>> out = new ArrayList<>();
    if (sampling.maxTokens() == 0) {
      for (int p = 0; p < prompts.size(); p++) {
        List<Completion> empty = new ArrayList<>();
        for (int i = 0; i < sampling.n(); i++) {
          empty.add(new Completion(i, "", 0, 0.0, FinishReason.LENGTH));
        }
        out.add(empty);
      }
      return out;
    }
    List<GenerationRequest> requests = new ArrayList<>();
    for (int p = 0; p < prompts.size(); p++) {
      requests.add(new GenerationRequest(Integer.toString(p), prompts.get(p), 0, sampling.n(), sampling.stop()));
    }
    Map<String, Generation> byId;
    try {
      byId = model.generate(requests, sampling.params()).stream()
          .collect(Collectors.toMap(Generation::id, Function.identity()));
    } catch (IllegalArgumentException e) {
      // the model rejects what it cannot take (a prompt longer than its context): the client's fault
      throw new ApiException(400, "invalid_request_error", e.getMessage());
    }
    for (int p = 0; p < prompts.size(); p++) {
      List<Completion> completions = new ArrayList<>(byId.get(Integer.toString(p)).completions());
      completions.sort(Comparator.comparingInt(Completion::sampleIndex));
      out.add(completions);
    }
    return out;
  }

  JsonNode completions(JsonNode body) {
    RequestFields fields = new RequestFields(body);
    Sampling sampling = sampling(fields, 16);
    List<String> prompts = fields.stringOrList("prompt", true);
    boolean echo = fields.bool("echo", false);
    Integer logprobs = fields.node("logprobs") == null ? null : fields.integer("logprobs", 0, 0, 20);
    List<List<Completion>> generated = generate(prompts, sampling);
    ObjectNode response = envelope("cmpl-", "text_completion");
    ArrayNode choices = response.putArray("choices");
    long promptTokens = 0;
    long completionTokens = 0;
    for (int p = 0; p < prompts.size(); p++) {
      String prompt = prompts.get(p);
      PromptLogProbs.Tokens promptLogProbs = echo && logprobs != null
          ? promptLogProbs(prompt) : null;
      promptTokens += boundaries.starts(prompt).length;
      for (Completion completion : generated.get(p)) {
        completionTokens += completion.tokenCount();
        ObjectNode choice = choices.addObject();
        choice.put("index", p * sampling.n() + completion.sampleIndex());
        choice.put("text", echo ? prompt + completion.text() : completion.text());
        if (logprobs == null) {
          choice.putNull("logprobs");
        } else {
          choice.set("logprobs", legacyLogProbs(prompt, promptLogProbs, completion, sampling.maxTokens() > 0));
        }
        choice.put("finish_reason", openAiFinishReason(completion.finishReason()));
        gvgapFields(choice, completion, sampling.maxTokens() > 0);
      }
    }
    usage(response, promptTokens, completionTokens);
    return response;
  }

  private PromptLogProbs.Tokens promptLogProbs(String prompt) {
    try {
      return PromptLogProbs.compute(model, boundaries, prompt);
    } catch (UnsupportedOperationException e) {
      throw new ApiException(400, "invalid_request_error", "field 'echo': this model cannot score prompts ("
          + e.getMessage() + "); send echo: false or no logprobs");
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid_request_error", e.getMessage());
    }
  }

  private ObjectNode legacyLogProbs(String prompt, PromptLogProbs.Tokens echoed, Completion completion,
      boolean generated) {
    ObjectNode node = mapper.createObjectNode();
    ArrayNode tokens = node.putArray("tokens");
    ArrayNode tokenLogProbs = node.putArray("token_logprobs");
    ArrayNode offsets = node.putArray("text_offset");
    if (echoed != null) {
      for (int i = 0; i < echoed.tokens().size(); i++) {
        tokens.add(echoed.tokens().get(i));
        Double lp = echoed.logProbs().get(i);
        if (lp == null) {
          tokenLogProbs.addNull();
        } else {
          tokenLogProbs.add(lp);
        }
        offsets.add(echoed.offsets().get(i));
      }
    }
    if (generated) {
      tokens.add(completion.text());
      if (Double.isNaN(completion.logProb())) {
        tokenLogProbs.addNull();
      } else {
        tokenLogProbs.add(completion.logProb());
      }
      // offsets count from the start of the prompt, as in OpenAI's legacy API
      offsets.add(prompt.length());
    }
    node.putNull("top_logprobs");
    return node;
  }

  JsonNode chat(JsonNode body) {
    RequestFields fields = new RequestFields(body);
    Sampling sampling = sampling(fields, 256);
    String prompt = ChatPrompt.render(fields.node("messages"));
    boolean logprobs = fields.bool("logprobs", false);
    List<Completion> generated = generate(List.of(prompt), sampling).get(0);
    ObjectNode response = envelope("chatcmpl-", "chat.completion");
    ArrayNode choices = response.putArray("choices");
    long completionTokens = 0;
    for (Completion completion : generated) {
      completionTokens += completion.tokenCount();
      ObjectNode choice = choices.addObject();
      choice.put("index", completion.sampleIndex());
      ObjectNode message = choice.putObject("message");
      message.put("role", "assistant");
      message.put("content", completion.text());
      if (logprobs && sampling.maxTokens() > 0) {
        ObjectNode entry = choice.putObject("logprobs").putArray("content").addObject();
        entry.put("token", completion.text());
        if (Double.isNaN(completion.logProb())) {
          entry.putNull("logprob");
        } else {
          entry.put("logprob", completion.logProb());
        }
        entry.putArray("top_logprobs");
      } else {
        choice.putNull("logprobs");
      }
      choice.put("finish_reason", openAiFinishReason(completion.finishReason()));
      gvgapFields(choice, completion, sampling.maxTokens() > 0);
    }
    usage(response, boundaries.starts(prompt).length, completionTokens);
    return response;
  }

  private ObjectNode envelope(String idPrefix, String object) {
    ObjectNode response = mapper.createObjectNode();
    response.put("id", idPrefix + ids.incrementAndGet());
    response.put("object", object);
    response.put("created", System.currentTimeMillis() / 1000);
    response.put("model", servedName);
    return response;
  }

  private static void usage(ObjectNode response, long promptTokens, long completionTokens) {
    ObjectNode usage = response.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", completionTokens);
    usage.put("total_tokens", promptTokens + completionTokens);
  }

  private static void gvgapFields(ObjectNode choice, Completion completion, boolean generated) {
    ObjectNode gvgap = choice.putObject("gvgap");
    gvgap.put("token_count", completion.tokenCount());
    gvgap.put("finish_reason", completion.finishReason().name().toLowerCase(Locale.ROOT));
    if (!generated || Double.isNaN(completion.logProb())) {
      gvgap.putNull("logprob");
    } else {
      gvgap.put("logprob", completion.logProb());
    }
  }

  /** OpenAI knows two reasons: {@code stop} (a stop sequence or end-of-sequence) and {@code length}. */
  static String openAiFinishReason(FinishReason reason) {
    return switch (reason) {
      case STOP, EOS -> "stop";
      case LENGTH, CONTEXT -> "length";
    };
  }
}
