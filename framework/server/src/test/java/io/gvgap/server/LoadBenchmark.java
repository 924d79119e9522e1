package io.gvgap.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed completions workload sent to an OpenAI-compatible server at a given concurrency:
 * request {@code i} is an arithmetic question built from a seeded stream, with {@code seed = i},
 * so every run sends the same requests. Latency is measured per request, from sending to the
 * whole answer received.
 */
public final class LoadBenchmark {
  private final URI completionsUri;
  private final String model;
  private final int maxTokens;
  private final int samples;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * Creates the benchmark.
   *
   * @param baseUrl the API root, e.g. {@code http://127.0.0.1:8000/v1}
   * @param model the served model name
   * @param maxTokens {@code max_tokens} of each request
   * @param samples {@code n} of each request
   */
  public LoadBenchmark(String baseUrl, String model, int maxTokens, int samples) {
    this.completionsUri = URI.create(baseUrl.replaceAll("/+$", "") + "/completions");
    this.model = model;
    this.maxTokens = maxTokens;
    this.samples = samples;
  }

  /** The prompt of request {@code i}: a zero-shot question in the arithmetic task's layout. */
  public static String prompt(int i) {
    SplittableRandom random = new SplittableRandom(1000 + i);
    int a = random.nextInt(10, 100);
    int b = random.nextInt(10, 100);
    return "Question: What is " + a + "+" + b + "?\nSolution:\n";
  }

  /** Sends {@code requests} requests with {@code concurrency} in flight and measures them. */
  public LoadResult run(int concurrency, int requests) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < requests; i++) {
        int index = i;
        futures.add(pool.submit(() -> send(index)));
      }
      double[] latencies = new double[requests];
      long tokens = 0;
      for (int i = 0; i < requests; i++) {
        long[] measured = futures.get(i).get();
        latencies[i] = measured[0] / 1e6;
        tokens += measured[1];
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new LoadResult(
          concurrency,
          requests,
          seconds,
          tokens,
          Percentiles.nearestRank(latencies, 50),
          Percentiles.nearestRank(latencies, 99));
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "a benchmark request failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Sends request {@code i}; returns {latency in ns, generated tokens}. */
  private long[] send(int i) throws IOException, InterruptedException {
    ObjectNode body = mapper
        .createObjectNode()
        .put("model", model)
        .put("prompt", prompt(i))
        .put("n", samples)
        .put("max_tokens", maxTokens)
        .put("temperature", 0.7)
        .put("top_p", 0.9)
        .put("seed", i);
    body.putArray("stop").add("\nQuestion:");
    HttpRequest request = HttpRequest.newBuilder(completionsUri)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
    long start = System.nanoTime();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    long latency = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      throw new IOException(
          completionsUri + " answered HTTP " + response.statusCode() + ": " + response.body());
    }
    JsonNode tree = mapper.readTree(response.body());
    return new long[] {latency, tree.path("usage").path("completion_tokens").asLong()};
  }

  /** The results as a fixed-width table, one row per concurrency level. */
  public static String table(List<LoadResult> results) {
    StringBuilder out = new StringBuilder(String.format(
        Locale.ROOT,
        "%11s %8s %10s %13s %9s %9s%n",
        "concurrency",
        "requests",
        "requests/s",
        "gen tokens/s",
        "p50 ms",
        "p99 ms"));
    for (LoadResult r : results) {
      out.append(String.format(
          Locale.ROOT,
          "%11d %8d %10.2f %13.1f %9.1f %9.1f%n",
          r.concurrency(),
          r.requests(),
          r.requestsPerSecond(),
          r.tokensPerSecond(),
          r.p50Millis(),
          r.p99Millis()));
    }
    return out.toString();
  }
}
