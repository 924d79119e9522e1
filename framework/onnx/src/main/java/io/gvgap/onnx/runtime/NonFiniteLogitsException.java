package io.gvgap.onnx.runtime;

/**
 * A row of logits that holds NaN or infinity, so no token can be chosen: the model's weights are
 * damaged or its arithmetic overflowed. {@link OnnxLanguageModel} adds the model file to the message.
 */
final class NonFiniteLogitsException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  NonFiniteLogitsException(String message) {
    super(message);
  }
}
