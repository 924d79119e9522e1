package io.gvgap.remote;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before a retry: exponential backoff with "equal jitter" (half the delay fixed,
 * half random), so that many clients failing together do not retry in lockstep; a server's
 * {@code Retry-After} wins when it asks for longer.
 */
final class Backoff {
  static final long CAP_MILLIS = 30_000;

  private Backoff() {}

  /** The un-jittered delay before retry {@code attempt} (0-based): {@code base * 2^attempt}, capped. */
  static long ceilingMillis(long baseMillis, int attempt) {
    long delay = baseMillis;
    for (int i = 0; i < attempt && delay < CAP_MILLIS; i++) {
      delay *= 2;
    }
    return Math.min(delay, CAP_MILLIS);
  }

  /**
   * The wait before retry {@code attempt}: uniform in {@code [ceiling/2, ceiling]}, at least the
   * server's {@code Retry-After} (capped too).
   *
   * @param retryAfterMillis the server's request, or -1 when it gave none
   */
  static long delayMillis(long baseMillis, int attempt, long retryAfterMillis) {
    long ceiling = ceilingMillis(baseMillis, attempt);
    long jittered = ceiling / 2
        + (ceiling > 1 ? ThreadLocalRandom.current().nextLong(ceiling - ceiling / 2 + 1) : 0);
    return Math.max(jittered, Math.min(retryAfterMillis, CAP_MILLIS));
  }

  /** Parses {@code Retry-After} given in seconds (the form APIs use); -1 when absent or a date. */
  static long parseRetryAfter(String header) {
    if (header == null) {
      return -1;
    }
    try {
      double seconds = Double.parseDouble(header.trim());
      return seconds < 0 ? -1 : (long) Math.ceil(seconds * 1000);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
