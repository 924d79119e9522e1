package io.gvgap.remote;

import java.nio.charset.StandardCharsets;

/**
 * The seed sent with a request: a hash of (run seed, request id, first sample index), so that a
 * request's samples do not depend on which other requests run beside it. Kept in 31 bits because
 * servers differ in the integer type they accept.
 */
final class RequestSeeds {
  private RequestSeeds() {}

  static long seed(long runSeed, String requestId, int firstSampleIndex) {
    long h = mix(0x9E3779B97F4A7C15L, runSeed);
    for (byte b : requestId.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h, b);
    }
    h = mix(h, firstSampleIndex);
    return h & 0x7FFF_FFFFL;
  }

  /** One SplitMix64 finalising round of {@code h ^ value}. */
  private static long mix(long h, long value) {
    long z = h ^ value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
