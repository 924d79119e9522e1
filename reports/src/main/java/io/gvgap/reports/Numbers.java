package io.gvgap.reports;

import io.gvgap.core.metrics.Estimate;
import java.time.Duration;
import java.util.Locale;

/** How the report writes numbers: three decimals, an em dash for an undefined value. */
final class Numbers {

  /** Written for a number that is undefined (NaN), e.g. AUROC when every sample is correct. */
  static final String UNDEFINED = "—";

  private Numbers() {}

  /** Three decimals, e.g. {@code 0.125}; {@link #UNDEFINED} for NaN. */
  static String decimal(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : UNDEFINED;
  }

  /** A signed value with three decimals, e.g. {@code +0.042}. */
  static String signed(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%+.3f", value) : UNDEFINED;
  }

  /** The interval as {@code [lower, upper]}; empty when the estimate has none. */
  static String interval(Estimate estimate) {
    if (estimate == null
        || !Double.isFinite(estimate.lower())
        || !Double.isFinite(estimate.upper())) {
      return "";
    }
    return "[" + decimal(estimate.lower()) + ", " + decimal(estimate.upper()) + "]";
  }

  /** A sort key for a table cell: the number, or empty (sorted last) when undefined. */
  static String sortKey(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "";
  }

  /** A duration as {@code 1 h 02 min 03 s}, {@code 2 min 03 s} or {@code 4.2 s}. */
  static String duration(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d h %02d min %02d s", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d min %02d s", minutes, rest);
  }

  /** A count with thousands separators, e.g. {@code 12,345}. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
