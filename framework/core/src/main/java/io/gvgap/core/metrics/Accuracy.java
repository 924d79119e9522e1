package io.gvgap.core.metrics;

/** Per-prompt accuracies, the building blocks of {@code J(f)} and {@code J(f[w])}. */
public final class Accuracy {

  private Accuracy() {}

  /** {@code J_x(f) = (1/n) Σ_i u_i}: mean utility of one prompt's samples. */
  public static double ofPrompt(double[] utilities) {
    double sum = 0;
    for (double u : utilities) {
      sum += u;
    }
    return sum / utilities.length;
  }

  /**
   * {@code J_x(f[w]) = Σ_i w_i u_i / Σ_i w_i}: weighted accuracy of what the filter keeps; NaN when
   * all weights are 0 (the filter kept nothing; see {@link EmptyKeptPolicy}).
   */
  public static double ofKept(double[] utilities, double[] weights) {
    double weighted = 0;
    double total = 0;
    for (int i = 0; i < utilities.length; i++) {
      weighted += weights[i] * utilities[i];
      total += weights[i];
    }
    return total > 0 ? weighted / total : Double.NaN;
  }

  /** Whether the filter kept nothing: every weight is 0. */
  public static boolean keptNothing(double[] weights) {
    for (double w : weights) {
      if (w > 0) {
        return false;
      }
    }
    return true;
  }
}
