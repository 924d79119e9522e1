package io.gvgap.remote;

import io.gvgap.api.Option;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelBackend;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The {@code openai} model backend: an OpenAI-compatible server (vLLM, llama.cpp server, TGI,
 * {@code gvgap serve}) reached over HTTP. See {@link OpenAiLanguageModel} for what each call sends.
 */
public final class OpenAiBackend implements ModelBackend<OpenAiBackend.Options> {

  /**
   * Options of the {@code openai} backend (keys are snake_case in a spec: {@code base_url}, ...).
   *
   * @param baseUrl the API root, e.g. {@code http://host:8000/v1}
   * @param model the model name sent in every request
   * @param api {@code completions} or {@code chat}
   * @param apiKeyEnv environment variable holding the API key; sent as a bearer token when set
   * @param concurrency requests in flight at once
   * @param maxRetries retries of a request after 429, 5xx or a connection failure
   * @param retryBaseMillis the first retry's backoff; each further retry doubles it (capped at 30 s)
   * @param timeoutSeconds per-request timeout
   * @param cacheDir request cache directory; null for no cache
   * @param contextLength the served model's context length for {@link io.gvgap.api.model.ModelInfo}; -1 unknown
   * @param requestLogprobs ask for log-probabilities of generated text
   */
  public record Options(
      @Option(description = "API root URL, e.g. http://host:8000/v1")
      String baseUrl,

      @Option(
          description = "model name sent to the server (as the server lists it at GET /v1/models)")
      String model,

      @Option(description = "completions or chat", defaultValue = "completions")
      String api,

      @Option(
          description =
              "environment variable holding the API key (sent as a bearer token when set)",
          defaultValue = "OPENAI_API_KEY")
      String apiKeyEnv,

      @Option(description = "requests in flight at once", defaultValue = "4")
      int concurrency,

      @Option(
          description =
              "retries after 429, 5xx or a connection failure (exponential backoff with jitter)",
          defaultValue = "8")
      int maxRetries,

      @Option(
          description =
              "backoff before the first retry in milliseconds; doubles per retry, at most 30 s",
          defaultValue = "500")
      int retryBaseMillis,

      @Option(description = "per-request timeout in seconds", defaultValue = "600")
      int timeoutSeconds,

      @Option(
          description = "request cache directory (a rerun makes no requests); none by default",
          defaultValue = "null")
      String cacheDir,

      @Option(
          description =
              "the served model's context length, recorded in run directories; -1 if unknown",
          defaultValue = "-1")
      int contextLength,

      @Option(
          description = "ask for log-probabilities of generated text (logprobs: 1)",
          defaultValue = "true")
      boolean requestLogprobs) {

    /** Validates the options. */
    public Options {
      if (baseUrl == null || baseUrl.isBlank()) {
        throw new IllegalArgumentException("base_url is required, e.g. http://localhost:8000/v1");
      }
      try {
        URI uri = new URI(baseUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
            || uri.getHost() == null) {
          throw new IllegalArgumentException(
              "base_url must be an http or https URL with a host, was '" + baseUrl + "'");
        }
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("base_url is not a URL: " + e.getMessage(), e);
      }
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException(
            "model is required: the model name the server serves (GET /v1/models)");
      }
      if (api == null || !(api.equals("completions") || api.equals("chat"))) {
        throw new IllegalArgumentException("api must be completions or chat, was " + api);
      }
      if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
        throw new IllegalArgumentException("api_key_env must name an environment variable");
      }
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
      }
      if (maxRetries < 0) {
        throw new IllegalArgumentException("max_retries must be >= 0, was " + maxRetries);
      }
      if (retryBaseMillis < 0) {
        throw new IllegalArgumentException(
            "retry_base_millis must be >= 0, was " + retryBaseMillis);
      }
      if (timeoutSeconds < 1) {
        throw new IllegalArgumentException("timeout_seconds must be >= 1, was " + timeoutSeconds);
      }
    }

    /** Options with the defaults for everything but the endpoint and model. */
    public static Options of(String baseUrl, String model) {
      return new Options(
          baseUrl, model, "completions", "OPENAI_API_KEY", 4, 8, 500, 600, null, -1, true);
    }
  }

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public String description() {
    return "OpenAI-compatible server (vLLM, llama.cpp server, TGI, gvgap serve) over HTTP, with retries and a cache";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public LanguageModel create(Options options) {
    return new OpenAiLanguageModel(options, System::getenv);
  }
}
