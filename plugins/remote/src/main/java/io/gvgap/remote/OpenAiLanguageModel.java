package io.gvgap.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.core.openai.ChatChoice;
import io.gvgap.core.openai.ChatMessage;
import io.gvgap.core.openai.ChatRequest;
import io.gvgap.core.openai.ChatResponse;
import io.gvgap.core.openai.ChatTokenLogProb;
import io.gvgap.core.openai.CompletionChoice;
import io.gvgap.core.openai.CompletionRequest;
import io.gvgap.core.openai.CompletionResponse;
import io.gvgap.core.openai.GvgapChoice;
import io.gvgap.core.openai.LegacyLogProbs;
import io.gvgap.core.openai.OpenAiFormatException;
import io.gvgap.core.openai.OpenAiJson;
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
  private final ObjectMapper mapper = OpenAiJson.mapper();

  /**
   * Opens the model (no request is made until the first call).
   *
   * @param options the backend's options
   * @param environment reads environment variables (the API key comes from {@code api_key_env})
   */
  public OpenAiLanguageModel(OpenAiBackend.Options options, UnaryOperator<String> environment) {
    this.options = options;
    String key = environment.apply(options.apiKeyEnv());
    this.http = new OpenAiHttp(
        options.baseUrl(),
        key == null || key.isBlank() ? null : key.strip(),
        options.maxRetries(),
        options.retryBaseMillis(),
        Duration.ofSeconds(options.timeoutSeconds()),
        mapper);
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
    // top_k is not in OpenAI's API; vLLM, llama.cpp server and gvgap serve take it
    Integer topK = params.topK() > 0 ? params.topK() : null;
    long seed = RequestSeeds.seed(params.seed(), request.id(), request.firstSampleIndex());
    List<String> stop = request.stop().isEmpty() ? null : request.stop();
    List<Choice> choices;
    String path;
    if (chat()) {
      path = "/chat/completions";
      ChatRequest body = new ChatRequest(
          options.model(),
          List.of(new ChatMessage("user", request.prompt())),
          request.count(),
          params.maxNewTokens(),
          null,
          params.temperature(),
          params.topP(),
          topK,
          seed,
          stop,
          options.requestLogprobs() ? Boolean.TRUE : null,
          null);
      ChatResponse response = call(path, OpenAiJson.write(body), ChatResponse.class);
      choices = response.choices() == null
          ? List.of()
          : response.choices().stream().map(Choice::of).toList();
    } else {
      path = "/completions";
      CompletionRequest body = new CompletionRequest(
          options.model(),
          List.of(request.prompt()),
          request.count(),
          params.maxNewTokens(),
          null,
          params.temperature(),
          params.topP(),
          topK,
          seed,
          stop,
          options.requestLogprobs() ? 1 : null,
          null,
          null);
      CompletionResponse response = call(path, OpenAiJson.write(body), CompletionResponse.class);
      choices = response.choices() == null
          ? List.of()
          : response.choices().stream().map(Choice::of).toList();
    }
    if (choices.size() != request.count()) {
      throw new RemoteModelException(
          200,
          http.url(path) + " returned " + choices.size()
              + " choices for request '" + request.id() + "', expected n = " + request.count()
              + " (does the server support n > 1?)");
    }
    List<Choice> sorted = new ArrayList<>(choices);
    sorted.sort(Comparator.comparingInt(c -> c.index() == null ? 0 : c.index()));
    List<Completion> completions = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      completions.add(completion(sorted.get(i), request, request.firstSampleIndex() + i));
    }
    return new Generation(request.id(), completions);
  }

  /**
   * What gvgap reads from a choice of either API: the text, the index, the finish reason, gvgap
   * serve's extension when present, and the generated tokens' log-probabilities (one value per token).
   */
  private record Choice(
      Integer index, String text, String finishReason, GvgapChoice gvgap, List<Double> logProbs) {
    static Choice of(CompletionChoice c) {
      LegacyLogProbs lp = c.logprobs();
      return new Choice(
          c.index(), c.text(), c.finishReason(), c.gvgap(), lp == null ? null : lp.tokenLogprobs());
    }

    static Choice of(ChatChoice c) {
      List<Double> values = null;
      if (c.logprobs() != null && c.logprobs().content() != null) {
        values = new ArrayList<>();
        for (ChatTokenLogProb t : c.logprobs().content()) {
          values.add(t == null ? null : t.logprob());
        }
      }
      return new Choice(
          c.index(),
          c.message() == null ? null : c.message().content(),
          c.finishReason(),
          c.gvgap(),
          values);
    }
  }

  private static Completion completion(Choice choice, GenerationRequest request, int sampleIndex) {
    String text = choice.text() == null ? "" : choice.text();
    FinishReason reason = finishReason(choice);
    // servers exclude the stop sequence; cut at the first one in case a server does not
    for (String stop : request.stop()) {
      int at = text.indexOf(stop);
      if (at >= 0) {
        text = text.substring(0, at);
        reason = FinishReason.STOP;
      }
    }
    double logProb = sum(choice.logProbs());
    int tokens = choice.gvgap() != null && choice.gvgap().tokenCount() != null
        ? choice.gvgap().tokenCount()
        : choice.logProbs() == null ? -1 : choice.logProbs().size();
    return new Completion(sampleIndex, text, tokens, logProb, reason);
  }

  /** The sum of the generated tokens' log-probabilities; NaN when the server gave none, or not for every token. */
  private static double sum(List<Double> values) {
    if (values == null || values.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (Double value : values) {
      if (value == null) {
        return Double.NaN;
      }
      sum += value;
    }
    return sum;
  }

  private static FinishReason finishReason(Choice choice) {
    String gvgap = choice.gvgap() == null || choice.gvgap().finishReason() == null
        ? ""
        : choice.gvgap().finishReason();
    if (!gvgap.isEmpty()) {
      try {
        return FinishReason.valueOf(gvgap.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // an unknown extension value: use the standard field
      }
    }
    return "length".equals(choice.finishReason()) ? FinishReason.LENGTH : FinishReason.STOP;
  }

  @Override
  public List<ScoringResult> score(List<ScoringRequest> requests) {
    if (chat()) {
      throw new UnsupportedOperationException(
          "model '" + options.model() + "' at " + options.baseUrl()
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
    CompletionRequest body = new CompletionRequest(
        options.model(),
        List.of(request.context() + continuation),
        null,
        0,
        null,
        0.0,
        null,
        null,
        null,
        null,
        1,
        true,
        null);
    CompletionResponse response =
        call("/completions", OpenAiJson.write(body), CompletionResponse.class);
    LegacyLogProbs logprobs = response.choices() == null
            || response.choices().isEmpty()
            || response.choices().get(0) == null
        ? null
        : response.choices().get(0).logprobs();
    EchoScoring.Sum sum =
        EchoScoring.sum(logprobs, request.context().length(), continuation.length());
    if (sum == null) {
      throw new UnsupportedOperationException(
          "model '" + options.model() + "' at " + options.baseUrl()
              + " returned no prompt log-probabilities for echo: true, logprobs: 1 (scoring request '"
              + request.id()
              + "'): this server cannot score continuations; use a server that returns prompt logprobs (vLLM, "
              + "gvgap serve), or verifiers that do not score (cot-score, cot-binary, oracle)");
    }
    return new double[] {sum.logProb(), sum.tokens()};
  }

  /**
   * Posts the body, or returns the cached response for an identical request to the same server;
   * a response is cached only once it has been read.
   */
  private <T> T call(String path, String body, Class<T> type) {
    String key = cache == null ? null : RequestCache.key(http.url(path), body);
    String cached = key == null ? null : cache.get(key);
    if (cached != null) {
      try {
        return OpenAiJson.read(cached, type);
      } catch (OpenAiFormatException e) {
        // a damaged entry: ask the server again
      }
    }
    String response = http.post(path, body);
    T value;
    try {
      value = OpenAiJson.read(response, type);
    } catch (OpenAiFormatException e) {
      throw new RemoteModelException(
          200,
          http.url(path) + " answered with a body that is not an OpenAI "
              + type.getSimpleName() + " (" + e.getMessage() + "): "
              + (response.length() > 200 ? response.substring(0, 200) + "..." : response));
    }
    if (key != null) {
      cache.put(key, response);
    }
    return value;
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
