package io.gvgap.server;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.core.openai.ChatChoice;
import io.gvgap.core.openai.ChatLogProbs;
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
import io.gvgap.core.openai.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/completions} and {@code POST /v1/chat/completions} over a model.
 *
 * <p>A request is checked in full (types, ranges and {@link ServerLimits}) before any model call;
 * what passes becomes a {@link Job}. Prompt {@code p} of a request becomes
 * {@link GenerationRequest} id {@code "p"} with sample indices {@code 0..n-1}, and the request's
 * {@code seed} (default 0) is the sampling seed, so a request repeated with the same seed gets the
 * same samples. The samples are generated {@value #SAMPLES_PER_CALL} at a time (the model's
 * determinism contract makes the split invisible), and the job stops between two calls when its
 * client has gone. A choice's {@code logprobs} carries one entry for the whole completion (the
 * model's sequence log-probability, end-of-sequence token included): the
 * {@link io.gvgap.api.model.LanguageModel} API gives no per-token values for generated text. Each
 * choice also carries a {@code gvgap} object with {@code token_count}, {@code finish_reason}
 * (stop, eos, length or context) and {@code logprob}.
 */
final class CompletionsEndpoint {
  /** Samples generated per model call: the bound on how long a cancelled request keeps the model. */
  static final int SAMPLES_PER_CALL = 64;

  private final SerializedModel model;
  private final TokenBoundaries boundaries;
  private final String servedName;
  private final ServerLimits limits;
  private final int contextLength;
  private final ServerStats stats;
  private final AtomicLong ids = new AtomicLong();

  CompletionsEndpoint(
      SerializedModel model,
      TokenBoundaries boundaries,
      String servedName,
      ServerLimits limits,
      int contextLength,
      ServerStats stats) {
    this.model = model;
    this.boundaries = boundaries;
    this.servedName = servedName;
    this.limits = limits;
    this.contextLength = contextLength;
    this.stats = stats;
  }

  /** Checked between model calls; throws {@link JobCancelled} when the work is no longer wanted. */
  @FunctionalInterface
  interface Cancellation {
    void check();
  }

  /** The validated work of one request; its result is the response record. */
  @FunctionalInterface
  interface Job {
    Object run(Cancellation cancellation);
  }

  private record Sampling(int n, SamplingParams params, int maxTokens, List<String> stop) {}

  /** Binds the body; a prompt or stop list longer than {@code --max-prompts} stops the read at once. */
  private <T> T parse(byte[] body, Class<T> type) {
    try {
      return OpenAiJson.read(
          new String(body, StandardCharsets.UTF_8),
          type,
          limits.maxPrompts(),
          "this server reads at most " + limits.maxPrompts()
              + " prompts (or stop sequences) per request "
              + "(--max-prompts): send the prompts in several requests");
    } catch (OpenAiFormatException e) {
      throw new ApiException(400, "invalid_request_error", e.getMessage());
    }
  }

  private Sampling sampling(
      String modelName,
      Boolean stream,
      Integer n,
      Integer maxTokens,
      Integer maxCompletionTokens,
      Double temperature,
      Double topP,
      Integer topK,
      Long seed,
      List<String> stopList,
      int defaultMaxTokens) {
    if (modelName == null) {
      throw ApiException.badField("model", "is required (this server serves '" + servedName + "')");
    }
    if (!modelName.equals(servedName)) {
      throw new ApiException(
          404,
          "not_found_error",
          "model '" + modelName + "' is not served here; this server " + "serves '" + servedName
              + "' (GET /v1/models lists it)");
    }
    if (Boolean.TRUE.equals(stream)) {
      throw ApiException.badField(
          "stream", "streaming is not supported by gvgap serve; send stream: false");
    }
    int samples = range("n", n, 1, 1, 1024);
    int max = maxCompletionTokens != null
        ? range("max_completion_tokens", maxCompletionTokens, 0, 0, 1 << 20)
        : range("max_tokens", maxTokens, defaultMaxTokens, 0, 1 << 20);
    if (contextLength > 0 && max > contextLength) {
      throw ApiException.badField(
          maxCompletionTokens != null ? "max_completion_tokens" : "max_tokens",
          max + " is more than the model's context length " + contextLength
              + " (prompt and completion together)");
    }
    double t = temperature == null ? 1.0 : temperature;
    if (!(t >= 0 && t <= 100)) {
      throw ApiException.badField("temperature", "must be in [0, 100], was " + t);
    }
    double p = topP == null ? 1.0 : topP;
    if (!(p > 0 && p <= 1)) {
      throw ApiException.badField("top_p", "must be in (0, 1], was " + p);
    }
    int k = Math.max(0, range("top_k", topK, 0, -1, 1 << 20));
    List<String> stop = stopList == null ? List.of() : stopList;
    for (int i = 0; i < stop.size(); i++) {
      if (stop.get(i).isEmpty()) {
        throw ApiException.badField("stop[" + i + "]", "must not be empty");
      }
    }
    return new Sampling(
        samples, new SamplingParams(t, p, k, Math.max(1, max), seed == null ? 0 : seed), max, stop);
  }

  private static int range(String field, Integer value, int defaultValue, int min, int max) {
    int v = value == null ? defaultValue : value;
    if (v < min || v > max) {
      throw ApiException.badField(field, "must be in " + min + ".." + max + ", was " + v);
    }
    return v;
  }

  /**
   * Refuses a request that asks for more tokens than the budget, before any model call (the prompt
   * count was bounded while the body was read).
   */
  private void checkSize(int prompts, Sampling sampling) {
    long tokens = (long) sampling.n() * Math.max(1, sampling.maxTokens()) * prompts;
    if (tokens > limits.maxRequestTokens()) {
      throw new ApiException(
          400,
          "invalid_request_error",
          "this request asks for up to n × max_tokens × prompts = "
              + sampling.n() + " × " + sampling.maxTokens() + " × " + prompts + " = " + tokens
              + " tokens; this server "
              + "generates at most " + limits.maxRequestTokens()
              + " per request (--max-request-tokens): lower n or "
              + "max_tokens, or send the prompts in several requests");
    }
  }

  /** Generated choices per prompt, sorted by sample index; none when {@code max_tokens} is 0. */
  private List<List<Completion>> generate(
      List<String> prompts, Sampling sampling, Cancellation cancellation) {
    List<List<Completion>> out = new ArrayList<>();
    for (int p = 0; p < prompts.size(); p++) {
      out.add(new ArrayList<>());
    }
    if (sampling.maxTokens() == 0) {
      for (List<Completion> choices : out) {
        for (int i = 0; i < sampling.n(); i++) {
          choices.add(new Completion(i, "", 0, 0.0, FinishReason.LENGTH));
        }
      }
      return out;
    }
    List<GenerationRequest> call = new ArrayList<>();
    int inCall = 0;
    for (int p = 0; p < prompts.size(); p++) {
      for (int first = 0; first < sampling.n(); ) {
        int count = Math.min(sampling.n() - first, SAMPLES_PER_CALL - inCall);
        call.add(new GenerationRequest(
            Integer.toString(p), prompts.get(p), first, count, sampling.stop()));
        first += count;
        inCall += count;
        if (inCall == SAMPLES_PER_CALL) {
          run(call, sampling, cancellation, out);
          call = new ArrayList<>();
          inCall = 0;
        }
      }
    }
    if (!call.isEmpty()) {
      run(call, sampling, cancellation, out);
    }
    for (List<Completion> choices : out) {
      choices.sort(Comparator.comparingInt(Completion::sampleIndex));
    }
    return out;
  }

  private void run(
      List<GenerationRequest> call,
      Sampling sampling,
      Cancellation cancellation,
      List<List<Completion>> out) {
    cancellation.check();
    List<Generation> generations;
    try {
      stats.modelCall();
      generations = model.generate(call, sampling.params());
    } catch (IllegalArgumentException e) {
      // the model rejects what it cannot take (a prompt longer than its context): the client's
      // fault
      throw new ApiException(400, "invalid_request_error", e.getMessage());
    }
    for (Generation g : generations) {
      out.get(Integer.parseInt(g.id())).addAll(g.completions());
    }
  }

  Job completions(byte[] body) {
    CompletionRequest request = parse(body, CompletionRequest.class);
    Sampling sampling = sampling(
        request.model(),
        request.stream(),
        request.n(),
        request.maxTokens(),
        request.maxCompletionTokens(),
        request.temperature(),
        request.topP(),
        request.topK(),
        request.seed(),
        request.stop(),
        16);
    if (request.prompt() == null) {
      throw ApiException.badField("prompt", "is required");
    }
    if (request.prompt().isEmpty()) {
      throw ApiException.badField("prompt", "must not be an empty list");
    }
    List<String> prompts = request.prompt();
    checkSize(prompts.size(), sampling);
    boolean echo = Boolean.TRUE.equals(request.echo());
    Integer logprobs =
        request.logprobs() == null ? null : range("logprobs", request.logprobs(), 0, 0, 20);
    List<int[]> starts = new ArrayList<>();
    for (int p = 0; p < prompts.size(); p++) {
      int[] s = boundaries.starts(prompts.get(p));
      if (echo && logprobs != null && contextLength > 0 && s.length > contextLength) {
        throw ApiException.badField(
            "prompt[" + p + "]",
            "has " + s.length + " tokens, more than the model's context " + "length "
                + contextLength + ": its log-probabilities cannot be computed");
      }
      starts.add(s);
    }
    return cancellation ->
        completionsResponse(prompts, starts, sampling, echo, logprobs, cancellation);
  }

  private CompletionResponse completionsResponse(
      List<String> prompts,
      List<int[]> starts,
      Sampling sampling,
      boolean echo,
      Integer logprobs,
      Cancellation cancellation) {
    List<List<Completion>> generated = generate(prompts, sampling, cancellation);
    List<CompletionChoice> choices = new ArrayList<>();
    long promptTokens = 0;
    long completionTokens = 0;
    boolean newTokens = sampling.maxTokens() > 0;
    for (int p = 0; p < prompts.size(); p++) {
      String prompt = prompts.get(p);
      PromptLogProbs.Tokens echoed = null;
      if (echo && logprobs != null) {
        cancellation.check();
        echoed = promptLogProbs(prompt, starts.get(p), cancellation);
      }
      promptTokens += starts.get(p).length;
      for (Completion completion : generated.get(p)) {
        completionTokens += completion.tokenCount();
        choices.add(new CompletionChoice(
            p * sampling.n() + completion.sampleIndex(),
            echo ? prompt + completion.text() : completion.text(),
            logprobs == null ? null : legacyLogProbs(prompt, echoed, completion, newTokens),
            openAiFinishReason(completion.finishReason()),
            gvgap(completion, newTokens)));
      }
    }
    return new CompletionResponse(
        "cmpl-" + ids.incrementAndGet(),
        "text_completion",
        now(),
        servedName,
        choices,
        Usage.of(promptTokens, completionTokens));
  }

  private PromptLogProbs.Tokens promptLogProbs(
      String prompt, int[] starts, Cancellation cancellation) {
    try {
      stats.modelCall();
      return PromptLogProbs.compute(model, starts, prompt, cancellation);
    } catch (UnsupportedOperationException e) {
      throw new ApiException(
          400,
          "invalid_request_error",
          "field 'echo': this model cannot score prompts (" + e.getMessage()
              + "); send echo: false or no logprobs");
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "invalid_request_error", e.getMessage());
    }
  }

  private static LegacyLogProbs legacyLogProbs(
      String prompt, PromptLogProbs.Tokens echoed, Completion completion, boolean generated) {
    List<String> tokens = new ArrayList<>();
    List<Double> tokenLogProbs = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    if (echoed != null) {
      tokens.addAll(echoed.tokens());
      tokenLogProbs.addAll(echoed.logProbs());
      offsets.addAll(echoed.offsets());
    }
    if (generated) {
      tokens.add(completion.text());
      tokenLogProbs.add(orNull(completion.logProb()));
      // offsets count from the start of the prompt, as in OpenAI's legacy API
      offsets.add(prompt.length());
    }
    return new LegacyLogProbs(tokens, tokenLogProbs, offsets, null);
  }

  Job chat(byte[] body) {
    ChatRequest request = parse(body, ChatRequest.class);
    Sampling sampling = sampling(
        request.model(),
        request.stream(),
        request.n(),
        request.maxTokens(),
        request.maxCompletionTokens(),
        request.temperature(),
        request.topP(),
        request.topK(),
        request.seed(),
        request.stop(),
        256);
    String prompt = ChatPrompt.render(request.messages());
    checkSize(1, sampling);
    boolean logprobs = Boolean.TRUE.equals(request.logprobs());
    int promptTokens = boundaries.starts(prompt).length;
    return cancellation -> chatResponse(prompt, promptTokens, sampling, logprobs, cancellation);
  }

  private ChatResponse chatResponse(
      String prompt,
      int promptTokens,
      Sampling sampling,
      boolean logprobs,
      Cancellation cancellation) {
    List<Completion> generated =
        generate(List.of(prompt), sampling, cancellation).get(0);
    List<ChatChoice> choices = new ArrayList<>();
    long completionTokens = 0;
    boolean newTokens = sampling.maxTokens() > 0;
    for (Completion completion : generated) {
      completionTokens += completion.tokenCount();
      ChatLogProbs lp = logprobs && newTokens
          ? new ChatLogProbs(List.of(
              new ChatTokenLogProb(completion.text(), orNull(completion.logProb()), List.of())))
          : null;
      choices.add(new ChatChoice(
          completion.sampleIndex(),
          new ChatMessage("assistant", completion.text()),
          lp,
          openAiFinishReason(completion.finishReason()),
          gvgap(completion, newTokens)));
    }
    return new ChatResponse(
        "chatcmpl-" + ids.incrementAndGet(),
        "chat.completion",
        now(),
        servedName,
        choices,
        Usage.of(promptTokens, completionTokens));
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static GvgapChoice gvgap(Completion completion, boolean generated) {
    return new GvgapChoice(
        completion.tokenCount(),
        completion.finishReason().name().toLowerCase(Locale.ROOT),
        generated ? orNull(completion.logProb()) : null);
  }

  /** OpenAI knows two reasons: {@code stop} (a stop sequence or end-of-sequence) and {@code length}. */
  static String openAiFinishReason(FinishReason reason) {
    return switch (reason) {
      case STOP, EOS -> "stop";
      case LENGTH, CONTEXT -> "length";
    };
  }
}
