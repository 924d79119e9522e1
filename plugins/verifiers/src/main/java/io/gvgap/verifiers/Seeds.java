package io.gvgap.verifiers;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic pseudo-random values derived from (seed, text, number): the same inputs give the
 * same value on every JVM, independent of batch composition or call order.
 */
final class Seeds {

  private Seeds() {}

  /** A well-mixed 64-bit value for one (seed, label, index) triple. */
  static long derive(long seed, String label, long index) {
    return mix64(mix64(seed ^ hash64(label)) + 0x9E3779B97F4A7C15L * (index + 1));
  }

  /** A fair coin for one (seed, label) pair: true or false with equal probability. */
  static boolean coin(long seed, String label) {
    return (derive(seed, label, 0) & 1L) == 1L;
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
