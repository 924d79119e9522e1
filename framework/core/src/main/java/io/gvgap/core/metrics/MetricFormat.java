package io.gvgap.core.metrics;

import java.util.Locale;

/** How gvgap prints metrics in logs and tables (command line, Maven log): fixed decimals, "n/a" when undefined. */
public final class MetricFormat {

  private MetricFormat() {}

  /** {@code 0.4375}, or {@code n/a}. */
  public static String fixed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  /** {@code +0.0625}, or {@code n/a}. */
  public static String signed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.4f", v);
  }

  /** {@code 12.5%}, or {@code n/a}. */
  public static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** {@code [-0.0100, +0.1200]}, or {@code n/a}. */
  public static String interval(Estimate e) {
    return Double.isNaN(e.lower()) || Double.isNaN(e.upper())
        ? "n/a"
        : "[" + signed(e.lower()) + ", " + signed(e.upper()) + "]";
  }

  /** {@code 0.4375 [0.4000, 0.4700]}. */
  public static String estimate(Estimate e) {
    return fixed(e.value())
        + (Double.isNaN(e.lower()) ? "" : " [" + fixed(e.lower()) + ", " + fixed(e.upper()) + "]");
  }

  /**
   * {@code nothing kept on k of n prompts} for a strategy that kept nothing on some prompts, else
   * the empty string; the gap of a strategy that kept nothing on any prompt is absent ({@code n/a}).
   */
  public static String emptyKept(StrategyMetrics s, int prompts) {
    return s.emptyKeptPrompts() == 0
        ? ""
        : "nothing kept on " + s.emptyKeptPrompts() + " of " + prompts + " prompts";
  }

  /** An AUROC with 2 decimals ({@code 0.73}), or {@code n/a}. */
  public static String auroc(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }
}
