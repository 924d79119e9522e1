package io.gvgap.core.metrics;

/**
 * The gap statistics of one strategy over a set of prompts, each a function of the per-prompt
 * accuracies {@code a_x = J_x(f)} and {@code b_x = J_x(f[w])} (after the {@link EmptyKeptPolicy} is
 * applied, so both arrays cover the same prompts and contain no NaN) and prompt multiplicities
 * {@code m_x} (see {@link PromptStatistic}).
 */
public final class GapStatistics {

  private GapStatistics() {}

  /** {@code J(f) = Σ m_x a_x / Σ m_x}: mean over prompts of the mean utility. */
  public static double jf(double[] a, int[] m) {
    return PromptStatistic.mean(a, m);
  }

  /** {@code J(f[w]) = Σ m_x b_x / Σ m_x}: mean over prompts of the weighted accuracy of the kept. */
  public static double jfw(double[] b, int[] m) {
    return PromptStatistic.mean(b, m);
  }

  /** {@code gap = J(f[w]) - J(f)}. */
  public static double gap(double[] a, double[] b, int[] m) {
    return jfw(b, m) - jf(a, m);
  }

  /**
   * Per-prompt relative gap: the mean over prompts with {@code a_x < 1} of
   * {@code (b_x - a_x) / (1 - a_x)}; prompts with {@code a_x = 1} (saturated) are left out. NaN when
   * no prompt has headroom.
   */
  public static double relativeGapPerPrompt(double[] a, double[] b, int[] m) {
    double sum = 0;
    long count = 0;
    for (int x = 0; x < a.length; x++) {
      if (m[x] != 0 && a[x] < 1) {
        sum += m[x] * (b[x] - a[x]) / (1 - a[x]);
        count += m[x];
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** Pooled relative gap: {@code gap / (1 - J(f))}; NaN when {@code J(f) = 1}. */
  public static double relativeGapPooled(double[] a, double[] b, int[] m) {
    double jf = jf(a, m);
    return jf >= 1 ? Double.NaN : (jfw(b, m) - jf) / (1 - jf);
  }
}
