package io.gvgap.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs JSON to an OpenAI-compatible server with retries: 429, 5xx, timeouts and connection
 * failures are retried with {@link Backoff}, each retry logged (a warning naming the URL, what
 * went wrong and how long it waits); other statuses fail at once with the server's message. A
 * refused connection before the server has ever answered fails at once too: nothing is listening
 * at {@code base_url}, and waiting through the retries would only hide that. Once the server has
 * answered, a refused connection (a restart) is retried like any other failure. The API key goes
 * only into the {@code Authorization} header; no message this class writes contains it.
 */
final class OpenAiHttp {
  private static final Logger LOG = LoggerFactory.getLogger(OpenAiHttp.class);
  private final HttpClient client;
  private final String baseUrl;
  private final String apiKey;
  private final int maxRetries;
  private final long retryBaseMillis;
  private final Duration timeout;
  private final ObjectMapper mapper;
  private volatile boolean answeredOnce;

  OpenAiHttp(
      String baseUrl,
      String apiKey,
      int maxRetries,
      long retryBaseMillis,
      Duration timeout,
      ObjectMapper mapper) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
    this.maxRetries = maxRetries;
    this.retryBaseMillis = retryBaseMillis;
    this.timeout = timeout;
    this.mapper = mapper;
  }

  String url(String path) {
    return baseUrl + path;
  }

  /** Sends the body and returns the response text of the first 2xx answer. */
  String post(String path, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (apiKey != null) {
      builder.header("Authorization", "Bearer " + apiKey);
    }
    HttpRequest request = builder.build();
    String lastProblem = "";
    for (int attempt = 0; ; attempt++) {
      long retryAfter = -1;
      try {
        HttpResponse<String> response =
            client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        answeredOnce = true;
        if (status >= 200 && status < 300) {
          return response.body();
        }
        String message = serverMessage(response.body());
        if (status != 429 && status < 500) {
          throw new RemoteModelException(
              status, url(path) + " answered HTTP " + status + ": " + message + advice(status));
        }
        lastProblem = "HTTP " + status + ": " + message;
        retryAfter =
            Backoff.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null));
      } catch (ConnectException e) {
        if (!answeredOnce) {
          throw new RemoteModelException(
              -1,
              "nothing is listening at " + baseUrl + " (connection refused on "
                  + url(path)
                  + "): start the server first (for example gvgap serve MODEL_DIR --port PORT, or "
                  + "vllm serve MODEL) and wait until it prints its URL, or correct base_url in the spec");
        }
        lastProblem = "no answer (connection refused: is the server restarting?)";
      } catch (IOException e) {
        lastProblem = "no answer (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RemoteModelException(-1, "interrupted while waiting for " + url(path));
      }
      if (attempt >= maxRetries) {
        throw new RemoteModelException(
            -1,
            url(path) + " failed after " + (attempt + 1) + " attempts; last: " + lastProblem
                + ". Check that the server is up, or raise max_retries.");
      }
      long delay = Backoff.delayMillis(retryBaseMillis, attempt, retryAfter);
      LOG.warn(
          "{}: {}; retry {} of {} in {} ms",
          url(path),
          lastProblem,
          attempt + 1,
          maxRetries,
          delay);
      sleep(delay);
    }
  }

  private static String advice(int status) {
    return switch (status) {
      case 401, 403 -> " (check the API key in the variable named by api_key_env)";
      case 404 -> " (check base_url and model: GET /v1/models lists the served names)";
      default -> "";
    };
  }

  /** The server's error message, with the API key masked should a server echo it. */
  private String serverMessage(String body) {
    String message = rawServerMessage(body);
    return apiKey == null || apiKey.isEmpty() ? message : message.replace(apiKey, "***");
  }

  private String rawServerMessage(String body) {
    try {
      JsonNode tree = mapper.readTree(body);
      JsonNode message = tree.path("error").path("message");
      if (message.isTextual()) {
        return message.asText();
      }
      if (tree.path("error").isTextual()) {
        return tree.path("error").asText();
      }
    } catch (IOException e) {
      // not JSON: fall through to the raw text
    }
    return body.length() > 500 ? body.substring(0, 500) + "..." : body;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteModelException(-1, "interrupted while backing off before a retry");
    }
  }
}
