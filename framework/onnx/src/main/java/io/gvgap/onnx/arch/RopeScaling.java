package io.gvgap.onnx.arch;

/**
 * A config's {@code rope_scaling}: how the rotary frequencies are rescaled for longer contexts.
 *
 * @param type {@code none}, {@code linear} (positions divided by {@code factor}) or {@code llama3}
 *     (Llama 3.1's per-frequency rule)
 * @param factor the scaling factor (1 for none)
 * @param lowFreqFactor llama3's {@code low_freq_factor}
 * @param highFreqFactor llama3's {@code high_freq_factor}
 * @param originalContext llama3's {@code original_max_position_embeddings}
 */
public record RopeScaling(
    String type, double factor, double lowFreqFactor, double highFreqFactor, int originalContext) {
  /** No scaling. */
  public static final RopeScaling NONE = new RopeScaling("none", 1, 0, 0, 0);

  /** The rotary inverse frequencies {@code 1 / theta^(2i / dim)}, i < dim / 2, rescaled. */
  public double[] inverseFrequencies(double theta, int rotaryDim) {
    double[] inverse = new double[rotaryDim / 2];
    for (int i = 0; i < inverse.length; i++) {
      inverse[i] = 1.0 / Math.pow(theta, (2.0 * i) / rotaryDim);
    }
    switch (type) {
      case "none" -> {}
      case "linear" -> {
        for (int i = 0; i < inverse.length; i++) {
          inverse[i] /= factor;
        }
      }
      case "llama3" -> {
        double lowWavelength = originalContext / lowFreqFactor;
        double highWavelength = originalContext / highFreqFactor;
        for (int i = 0; i < inverse.length; i++) {
          double wavelength = 2 * Math.PI / inverse[i];
          if (wavelength > lowWavelength) {
            inverse[i] /= factor; // long wavelengths: scaled fully
          } else if (wavelength >= highWavelength) {
            // between the two: interpolated between scaled and unscaled
            double smooth =
                (originalContext / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
            inverse[i] = (1 - smooth) * inverse[i] / factor + smooth * inverse[i];
          }
        }
      }
      default -> throw new IllegalStateException("unknown rope scaling " + type);
    }
    return inverse;
  }
}
