package io.gvgap.server;

/**
 * What an {@link OpenAiServer} accepts, so that no request, and no slow or abandoned client, can
 * take the memory or the time of the others. Each limit is checked before the work it guards: the
 * body size from {@code Content-Length} before reading (413), the prompts and tokens of a request
 * before any model call (400, naming the limit and the option that sets it).
 *
 * @param maxBodyBytes largest request body, in bytes (413 beyond; {@code --max-body-bytes})
 * @param maxPrompts most prompts (and stop sequences) in one request; reading the body stops at the
 *     first one beyond ({@code --max-prompts})
 * @param maxRequestTokens most tokens one request may ask to generate: {@code n × max_tokens ×
 *     prompts} ({@code --max-request-tokens})
 * @param maxQueued completion requests waiting for a worker; further ones get 503 with
 *     {@code Retry-After} ({@code --max-queued})
 * @param bodyTimeoutMillis time from a request's headers to the end of its body (408 beyond), so a
 *     client sending a body slowly cannot hold a connection open for long
 * @param idleTimeoutMillis longest silence on a connection while the server waits for bytes
 * @param maxConnections open connections at most; beyond, new ones wait in the operating system's
 *     accept queue until one closes ({@code --max-connections}), so that bodies being read at once
 *     hold at most {@code maxConnections × maxBodyBytes}
 */
public record ServerLimits(
    long maxBodyBytes,
    int maxPrompts,
    long maxRequestTokens,
    int maxQueued,
    long bodyTimeoutMillis,
    long idleTimeoutMillis,
    int maxConnections) {

  /** Default largest body: 4 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 4L << 20;
  /** Default most prompts per request. */
  public static final int DEFAULT_MAX_PROMPTS = 256;
  /** Default most tokens to generate per request (n × max_tokens × prompts): 2^20. */
  public static final long DEFAULT_MAX_REQUEST_TOKENS = 1L << 20;
  /** Default most requests waiting for a worker. */
  public static final int DEFAULT_MAX_QUEUED = 64;
  /** Default most open connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 256;

  /** Validates the limits. */
  public ServerLimits {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + maxBodyBytes);
    }
    if (maxPrompts < 1) {
      throw new IllegalArgumentException("maxPrompts must be >= 1, was " + maxPrompts);
    }
    if (maxRequestTokens < 1) {
      throw new IllegalArgumentException("maxRequestTokens must be >= 1, was " + maxRequestTokens);
    }
    if (maxQueued < 0) {
      throw new IllegalArgumentException("maxQueued must be >= 0, was " + maxQueued);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
    }
    if (bodyTimeoutMillis < 1 || idleTimeoutMillis < 1) {
      throw new IllegalArgumentException(
          "bodyTimeoutMillis and idleTimeoutMillis must be >= 1, were " + bodyTimeoutMillis
              + " and " + idleTimeoutMillis);
    }
  }

  /**
   * 4 MiB bodies, 256 prompts, 2^20 tokens, 64 queued requests, 256 connections; 30 s for a body
   * and of silence.
   */
  public static ServerLimits defaults() {
    return new ServerLimits(
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_PROMPTS,
        DEFAULT_MAX_REQUEST_TOKENS,
        DEFAULT_MAX_QUEUED,
        30_000,
        30_000,
        DEFAULT_MAX_CONNECTIONS);
  }

  /** These limits with another body size, prompt count and token budget. */
  public ServerLimits withRequestLimits(long bodyBytes, int prompts, long requestTokens) {
    return new ServerLimits(
        bodyBytes,
        prompts,
        requestTokens,
        maxQueued,
        bodyTimeoutMillis,
        idleTimeoutMillis,
        maxConnections);
  }

  /** These limits with another queue length. */
  public ServerLimits withMaxQueued(int queued) {
    return new ServerLimits(
        maxBodyBytes,
        maxPrompts,
        maxRequestTokens,
        queued,
        bodyTimeoutMillis,
        idleTimeoutMillis,
        maxConnections);
  }

  /** These limits with other body and idle timeouts. */
  public ServerLimits withTimeouts(long bodyMillis, long idleMillis) {
    return new ServerLimits(
        maxBodyBytes,
        maxPrompts,
        maxRequestTokens,
        maxQueued,
        bodyMillis,
        idleMillis,
        maxConnections);
  }

  /** These limits with another connection count. */
  public ServerLimits withMaxConnections(int connections) {
    return new ServerLimits(
        maxBodyBytes,
        maxPrompts,
        maxRequestTokens,
        maxQueued,
        bodyTimeoutMillis,
        idleTimeoutMillis,
        connections);
  }
}
