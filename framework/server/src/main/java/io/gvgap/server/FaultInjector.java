package io.gvgap.server;

import java.util.SplittableRandom;

/** Decides, from a seeded stream, which completion requests are answered 500 on purpose. */
final class FaultInjector {
  private final double rate;
  private final SplittableRandom random;

  FaultInjector(double rate, long seed) {
    this.rate = rate;
    this.random = new SplittableRandom(seed);
  }

  /** True for about {@code rate} of the calls; the sequence of answers depends only on the seed. */
  synchronized boolean shouldFail() {
    return rate > 0 && random.nextDouble() < rate;
  }
}
