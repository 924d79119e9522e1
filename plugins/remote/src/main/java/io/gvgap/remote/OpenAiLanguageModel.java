package io.gvgap.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A model behind an OpenAI-compatible server.
 *
 * <ul>
 *   <li>{@link #generate}: one HTTP request per {@link GenerationRequest} with {@code n = count}
 *       and a seed derived from (sampling seed, request id, first sample index); choice {@code i}
 *       becomes sample {@code firstSampleIndex + i}. Remote samples are as reproducible as the
 *       server's seed support; the request cache makes a rerun identical.</li>
 *   <li>{@link #score}: completions with {@code echo: true, logprobs: 1, max_tokens: 0} on
 *       context + continuation, summed by {@link EchoScoring}'s boundary rule.</li>
 * </ul>
 * At most {@code concurrency} requests are in flight; responses can be cached on disk.
 */
public final class OpenAiLanguageModel implements LanguageModel {
  private final OpenAiBackend.Options options;
  private final OpenAiHttp http;
  private final RequestCache cache;
  private final ExecutorService pool;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * Opens the model (no request is made until the first call).
   *
   * @param options the backend's options
   * @param environment reads environment variables (the API key comes from {@code api_key_env})
   */
  public OpenAiLanguageModel(OpenAiBackend.Options options, UnaryOperator<String> environment) {
    this.options = options;
    String key = environment.apply(options.apiKeyEnv());
    this.http = new OpenAiHttp(options.baseUrl(), key == null || key.isBlank() ? null : key.strip(),
        options.maxRetries(), options.retryBaseMillis(), Duration.ofSeconds(options.timeoutSeconds()), mapper);
    this.cache = options.cacheDir() == null ? null : new RequestCache(Path.of(options.cacheDir()));
    AtomicInteger threads = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
      Thread t = new Thread(r, "gvgap-openai-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  private boolean chat() {
    return options.api().equals("chat");
  }

  @Override
  public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
    List<Callable<Generation>> calls = new ArrayList<>();
    for (GenerationRequest request : requests) {
      calls.add(() -> generateOne(request, params));
    }
    return runAll(calls);
  }

  private Generation generateOne(GenerationRequest request, SamplingParams params) {
    ObjectNode body = mapper.createObjectNode();
    body.put("model", options.model());
    String path;
    if (chat()) {
      path = "/chat/completions";
      body.putArray("messages").addObject().put("role", "user").put("content", request.prompt());
    } else {
      path = "/completions";
      body.put("prompt", request.prompt());
    }
    body.put("n", request.count());
    body.put("max_tokens", params.maxNewTokens());
    body.put("temperature", params.temperature());
    body.put("top_p", params.topP());
    if (params.topK() > 0) {
      // not in OpenAI's API; vLLM, llama.cpp server and gvgap serve accept it
      body.put("top_k", params.topK());
    }
    body.put("seed", RequestSeeds.seed(params.seed(), request.id(), request.firstSampleIndex()));
    if (!request.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      request.stop().forEach(stop::add);
    }
    if (options.requestLogprobs()) {
      if (chat()) {
        body.put("logprobs", true);
      } else {
        body.put("logprobs", 1);
      }
    }
    JsonNode response = call(path, body);
    JsonNode choices = response.path("choices");
    if (!choices.isArray() || choices.size() != request.count()) {
      throw new RemoteModelException(200, http.url(path) + " returned " + (choices.isArray() ? choices.size() : 0)
          + " choices for request '" + request.id() + "', expected n = " + request.count()
          + " (does the server support n > 1?)");
    }
    List<Completion> completions = new ArrayList<>();
    List<JsonNode> sorted = new ArrayList<>();
    choices.forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(c -> c.path("index").asInt()));
    for (int i = 0; i < sorted.size(); i++) {
      completions.add(completion(sorted.get(i), request, request.firstSampleIndex() + i));
    }
    return new Generation(request.id(), completions);
  }

  private Completion completion(JsonNode choice, GenerationRequest request, int sampleIndex) {
    String text = chat() ? choice.path("message").path("content").asText("") : choice.path("text").asText("");
    FinishReason reason = finishReason(choice);
    // servers exclude the stop sequence; cut at the first one in case a server does not
    for (String stop : request.stop()) {
      int at = text.indexOf(stop);
      if (at >= 0) {
        text = text.substring(0, at);
        reason = FinishReason.STOP;
      }
    }
    JsonNode gvgap = choice.path("gvgap");
    double logProb = generatedLogProb(choice);
    int tokens = gvgap.path("token_count").isInt() ? gvgap.path("token_count").asInt() : tokenCount(choice);
    return new Completion(sampleIndex, text, tokens, logProb, reason);
  }

  private double generatedLogProb(JsonNode choice) {
    JsonNode values = chat() ? choice.path("logprobs").path("content") : choice.path("logprobs").path("token_logprobs");
    if (!values.isArray() || values.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (JsonNode value : values) {
      JsonNode number = chat() ? value.path("logprob") : value;
      if (!number.isNumber()) {
        return Double.NaN;
      }
      sum += number.doubleValue();
    }
    return sum;
  }

  private int tokenCount(JsonNode choice) {
    JsonNode tokens = chat() ? choice.path("logprobs").path("content") : choice.path("logprobs").path("tokens");
    return tokens.isArray() ? tokens.size() : -1;
  }

  private static FinishReason finishReason(JsonNode choice) {
    String gvgap = choice.path("gvgap").path("finish_reason").asText("");
    if (!gvgap.isEmpty()) {
      try {
        return FinishReason.valueOf(gvgap.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // an unknown extension value: use the standard field
      }
    }
    return switch (choice.path("finish_reason").asText("stop")) {
      case "length" -> FinishReason.LENGTH;
      default -> FinishReason.STOP;
    };
  }

  @Override
  public List<ScoringResult> score(List<ScoringRequest> requests) {
    if (chat()) {
      throw new UnsupportedOperationException("model '" + options.model() + "' at " + options.baseUrl()
          + " is used through the chat API, which gives no prompt log-probabilities: set api: completions to score "
          + "continuations (MC verification, log-prob scoring), or use a verifier that does not score");
    }
    List<Callable<double[]>> calls = new ArrayList<>();
    for (ScoringRequest request : requests) {
      for (String continuation : request.continuations()) {
        calls.add(() -> scoreOne(request, continuation));
      }
    }
    List<double[]> flat = runAll(calls);
    List<ScoringResult> results = new ArrayList<>();
    int k = 0;
    for (ScoringRequest request : requests) {
      List<Double> logProbs = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      for (int c = 0; c < request.continuations().size(); c++, k++) {
        logProbs.add(flat.get(k)[0]);
        counts.add((int) flat.get(k)[1]);
      }
      results.add(new ScoringResult(request.id(), logProbs, counts));
    }
    return results;
  }

  private double[] scoreOne(ScoringRequest request, String continuation) {
    ObjectNode body = mapper.createObjectNode();
    body.put("model", options.model());
    body.put("prompt", request.context() + continuation);
    body.put("max_tokens", 0);
    body.put("temperature", 0.0);
    body.put("echo", true);
    body.put("logprobs", 1);
    JsonNode response = call("/completions", body);
    EchoScoring.Sum sum = EchoScoring.sum(response.path("choices").path(0).get("logprobs"),
        request.context().length(), continuation.length());
    if (sum == null) {
      throw new UnsupportedOperationException("model '" + options.model() + "' at " + options.baseUrl()
          + " returned no prompt log-probabilities for echo: true, logprobs: 1 (scoring request '" + request.id()
          + "'): this server cannot score continuations; use a server that returns prompt logprobs (vLLM, gvgap serve), "
          + "or verifiers that do not score (cot-score, cot-binary, oracle)");
    }
    return new double[] {sum.logProb(), sum.tokens()};
  }

  /** Posts the body, or returns the cached response for an identical request. */
  private JsonNode call(String path, ObjectNode body) {
    String text = body.toString();
    String key = cache == null ? null : RequestCache.key(options.api() + " " + path, text);
    String response = key == null ? null : cache.get(key);
    JsonNode tree = response == null ? null : parseOrNull(response);
    if (tree != null) {
      return tree;
    }
    response = http.post(path, text);
    tree = parseOrNull(response);
    if (tree == null) {
      throw new RemoteModelException(200, http.url(path) + " answered with text that is not JSON: "
          + (response.length() > 200 ? response.substring(0, 200) + "..." : response));
    }
    if (key != null) {
      cache.put(key, response);
    }
    return tree;
  }

  private JsonNode parseOrNull(String text) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private <T> List<T> runAll(List<Callable<T>> calls) {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> call : calls) {
      futures.add(pool.submit(call));
    }
    List<T> out = new ArrayList<>();
    try {
      for (Future<T> future : futures) {
        out.add(future.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new RemoteModelException(-1, "interrupted while waiting for " + options.baseUrl());
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new RemoteModelException(-1, String.valueOf(e.getCause()));
    }
    return out;
  }

  @Override
  public ModelInfo info() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("backend", "openai");
    properties.put("baseUrl", options.baseUrl());
    properties.put("api", options.api());
    return new ModelInfo(options.model(), -1, options.contextLength(), properties);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
