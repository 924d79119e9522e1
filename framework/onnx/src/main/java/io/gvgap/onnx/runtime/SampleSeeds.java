package io.gvgap.onnx.runtime;

import java.nio.charset.StandardCharsets;

/**
 * The seed of one sample's random stream, from (run seed, request id, sample index) only, so a
 * sample's draws never depend on batch size or on which other samples share its batch.
 */
public final class SampleSeeds {
  private SampleSeeds() {}

  /** A well-mixed 64-bit seed: FNV-1a over the id's UTF-8 bytes, combined with seed and index by SplitMix64 finalisers. */
  public static long seed(long runSeed, String requestId, int sampleIndex) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : requestId.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return mix(mix(mix(runSeed) ^ hash) + sampleIndex);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
