package io.gvgap.onnx.train;

/**
 * What one training step reports.
 *
 * @param step the step just taken (from 1)
 * @param loss the batch loss before the update
 * @param gradientNorm the global gradient norm before clipping
 * @param learningRate the learning rate the update used
 */
public record StepResult(long step, double loss, double gradientNorm, double learningRate) {}
