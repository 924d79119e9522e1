package io.gvgap.filters;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic pseudo-random keys for breaking ties: the same (seed, example id, sample index)
 * always gives the same key, on every JVM, with no shared random state.
 */
final class TieBreak {

  private TieBreak() {}

  /**
   * The tie-break seed of one filter in a run: the run's seed mixed with the filter's name, so two
   * filters of one run break ties independently.
   */
  static long filterSeed(long runSeed, String filterName) {
    return runSeed ^ hash64(filterName);
  }

  /** A well-mixed 64-bit key; among tied samples the smallest key wins. */
  static long key(long seed, String exampleId, int sampleIndex) {
    return mix64(mix64(seed ^ hash64(exampleId)) + 0x9E3779B97F4A7C15L * (sampleIndex + 1L));
  }

  /** The SplitMix64 finaliser: every input bit affects every output bit. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** 64-bit FNV-1a of the UTF-8 bytes; stable across JVMs, unlike identity hashes. */
  static long hash64(String text) {
    long hash = 0xCBF29CE484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x100000001B3L;
    }
    return hash;
  }
}
