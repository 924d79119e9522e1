package io.gvgap.core.store;

/**
 * A verifier's judgement of one sample as stored.
 *
 * @param sampleIndex the sample
 * @param value the score in [0, 1]; null when the verdict could not be parsed
 * @param parsed whether a verdict was parsed
 * @param rawOutput what the verifier produced
 * @param verdict the parsed verdict, or why parsing failed
 */
public record SampleScore(
    int sampleIndex, Double value, boolean parsed, String rawOutput, String verdict) {

  /** The score as a double, NaN when unparsed. */
  public double valueOrNaN() {
    return value == null ? Double.NaN : value;
  }
}
