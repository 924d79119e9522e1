package io.gvgap.verifiers;

/**
 * What a parser read from one judging output: a value in [0, 1] with its verdict text, or the
 * reason no verdict could be read.
 *
 * @param parsed whether a verdict was read
 * @param value the verdict's value in [0, 1]; NaN when not parsed
 * @param text the verdict as written ("correct", "7/10", "A"), or the failure reason
 */
record Verdict(boolean parsed, double value, String text) {

  /** A parsed verdict. */
  static Verdict of(double value, String text) {
    return new Verdict(true, value, text);
  }

  /** No verdict; {@code reason} says why. */
  static Verdict failed(String reason) {
    return new Verdict(false, Double.NaN, reason);
  }
}
