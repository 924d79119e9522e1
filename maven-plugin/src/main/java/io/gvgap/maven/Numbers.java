package io.gvgap.maven;

import io.gvgap.core.metrics.Estimate;
import java.util.Locale;

/** How the Maven log prints numbers, the same way as the command line: fixed decimals, "n/a" when undefined. */
final class Numbers {

  private Numbers() {
  }

  /** {@code 0.4375}, or {@code n/a}. */
  static String fixed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  /** {@code +0.0625}, or {@code n/a}. */
  static String signed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.4f", v);
  }

  /** {@code 12.5%}, or {@code n/a}. */
  static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  /** {@code [-0.0100, +0.1200]}, or {@code n/a}. */
  static String interval(Estimate e) {
    return Double.isNaN(e.lower()) || Double.isNaN(e.upper()) ? "n/a"
        : "[" + signed(e.lower()) + ", " + signed(e.upper()) + "]";
  }

  /** {@code 0.4375 [0.4000, 0.4700]}, or {@code 0.4375} without an interval. */
  static String estimate(Estimate e) {
    return fixed(e.value()) + (Double.isNaN(e.lower()) ? "" : " [" + fixed(e.lower()) + ", " + fixed(e.upper()) + "]");
  }
}
