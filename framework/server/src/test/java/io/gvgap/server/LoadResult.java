package io.gvgap.server;

/**
 * What one concurrency level of a {@link LoadBenchmark} measured.
 *
 * @param concurrency requests kept in flight
 * @param requests requests completed
 * @param seconds wall-clock time from the first request sent to the last answer
 * @param generatedTokens sum of the answers' {@code usage.completion_tokens}
 * @param p50Millis median request latency (nearest rank)
 * @param p99Millis 99th-percentile request latency (nearest rank)
 */
public record LoadResult(
    int concurrency,
    int requests,
    double seconds,
    long generatedTokens,
    double p50Millis,
    double p99Millis) {

  /** Completed requests per second of wall-clock time. */
  public double requestsPerSecond() {
    return requests / seconds;
  }

  /** Generated tokens per second of wall-clock time. */
  public double tokensPerSecond() {
    return generatedTokens / seconds;
  }
}
