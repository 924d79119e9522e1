package io.gvgap.onnx.train;

import java.util.Objects;

/**
 * One training text: a prompt the model reads without being scored on it, and a response it learns
 * to write. A plain pre-training document is a response with an empty prompt (every token counts).
 *
 * @param prompt text the model conditions on (its tokens get loss weight 0)
 * @param response text the model learns (its tokens and the end-of-text after it get the example's weight)
 * @param weight the example's weight (a filter's weight for a kept sample); must be > 0
 */
public record TrainingExample(String prompt, String response, double weight) {
  /** Validates the fields. */
  public TrainingExample {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(response, "response");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be finite and > 0, was " + weight);
    }
    if (response.isEmpty()) {
      throw new IllegalArgumentException(
          "response must not be empty: there would be nothing to learn");
    }
  }

  /** A pre-training document: every token counts with weight 1. */
  public static TrainingExample document(String text) {
    return new TrainingExample("", text, 1.0);
  }
}
