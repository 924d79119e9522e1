package io.gvgap.core.metrics;

/**
 * The unbiased pass@k estimator of one prompt (Chen et al., 2021): the probability that at least one
 * of {@code k} samples drawn without replacement from the prompt's {@code n} samples is correct.
 */
public final class UnbiasedPassAtK {

  private UnbiasedPassAtK() {}

  /**
   * {@code 1 - C(n-c, k) / C(n, k)}, computed as {@code 1 - Π_{i=n-c+1..n} (1 - k/i)} so that no
   * factorial or binomial overflows; exactly 1 when {@code n - c < k} (every k-subset holds a correct
   * sample).
   *
   * @param n the prompt's number of samples
   * @param c how many of them are correct ({@link Correctness})
   * @param k how many are drawn; {@code 1 <= k <= n}
   * @throws IllegalArgumentException when k is out of range or c is not in [0, n]
   */
  public static double probability(int n, int c, int k) {
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("pass@k needs 1 <= k <= n, but k=" + k + " and n=" + n
          + "; lower k or draw more samples per prompt");
    }
    if (c < 0 || c > n) {
      throw new IllegalArgumentException(
          "pass@k: correct count c=" + c + " is outside [0, n=" + n + "]");
    }
    if (n - c < k) {
      return 1.0;
    }
    double allWrong = 1.0;
    for (int i = n - c + 1; i <= n; i++) {
      allWrong *= 1.0 - (double) k / i;
    }
    return 1.0 - allWrong;
  }
}
