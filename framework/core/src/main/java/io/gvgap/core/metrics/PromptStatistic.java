package io.gvgap.core.metrics;

/**
 * A statistic of a set of prompts given as multiplicities: {@code multiplicity[x]} is how often
 * prompt {@code x} occurs (all 1 for the observed prompts, a bootstrap resample otherwise).
 */
@FunctionalInterface
public interface PromptStatistic {

  /** The statistic's value, or NaN when undefined for this multiset of prompts. */
  double evaluate(int[] multiplicity);

  /**
   * {@code Σ_x m_x v_x / Σ_x m_x} over the prompts whose value {@code v_x} is not NaN (NaN marks a
   * prompt that does not take part, e.g. a saturated prompt in a relative gap); NaN when none does.
   */
  static double mean(double[] perPrompt, int[] multiplicity) {
    double sum = 0;
    long count = 0;
    for (int x = 0; x < perPrompt.length; x++) {
      if (multiplicity[x] != 0 && !Double.isNaN(perPrompt[x])) {
        sum += multiplicity[x] * perPrompt[x];
        count += multiplicity[x];
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
