package io.gvgap.onnx.train;

/**
 * AdamW with global-norm gradient clipping and a warm-up + cosine learning-rate schedule. The
 * learning rate at step t (counted from 1) is {@code peak · min(t / warmup, 1) · (minRatio + (1 −
 * minRatio) · ½(1 + cos(π · clamp((t − warmup) / (total − warmup), 0, 1))))}.
 *
 * @param peakLearningRate the learning rate at the end of warm-up
 * @param warmupSteps steps of linear warm-up (0: none)
 * @param totalSteps the step at which the cosine reaches its floor
 * @param minLearningRateRatio the floor as a fraction of the peak
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param epsilon added to the root of the second moment
 * @param weightDecay decoupled weight decay, applied to matrices (not to biases or LayerNorm parameters)
 * @param clipNorm largest global gradient norm; larger gradients are scaled down to it (0: no clipping)
 */
public record AdamWSchedule(
    double peakLearningRate,
    int warmupSteps,
    int totalSteps,
    double minLearningRateRatio,
    double beta1,
    double beta2,
    double epsilon,
    double weightDecay,
    double clipNorm) {
  /** Validates the settings. */
  public AdamWSchedule {
    if (!(peakLearningRate > 0)) {
      throw new IllegalArgumentException("peakLearningRate must be > 0, was " + peakLearningRate);
    }
    if (warmupSteps < 0 || totalSteps < 1) {
      throw new IllegalArgumentException(
          "warmupSteps must be >= 0 and totalSteps >= 1, were " + warmupSteps + ", " + totalSteps);
    }
    if (minLearningRateRatio < 0 || minLearningRateRatio > 1) {
      throw new IllegalArgumentException(
          "minLearningRateRatio must be in [0, 1], was " + minLearningRateRatio);
    }
    if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
      throw new IllegalArgumentException(
          "beta1 and beta2 must be in [0, 1), were " + beta1 + ", " + beta2);
    }
    if (!(epsilon > 0) || weightDecay < 0 || clipNorm < 0) {
      throw new IllegalArgumentException("epsilon must be > 0, weightDecay and clipNorm >= 0; were "
          + epsilon + ", " + weightDecay + ", " + clipNorm);
    }
  }

  /** Common small-model settings: betas 0.9/0.95, epsilon 1e-8, weight decay 0.1, clip 1.0, floor 10 %. */
  public static AdamWSchedule standard(double peakLearningRate, int warmupSteps, int totalSteps) {
    return new AdamWSchedule(
        peakLearningRate, warmupSteps, totalSteps, 0.1, 0.9, 0.95, 1e-8, 0.1, 1.0);
  }

  /** The learning rate at step t (from 1), computed in Java exactly as the step graph does (for tests and logs). */
  public double learningRate(long step) {
    double warm = Math.min(step / (double) Math.max(warmupSteps, 1), 1.0);
    double progress = Math.min(
        Math.max((step - warmupSteps) / (double) Math.max(totalSteps - warmupSteps, 1), 0), 1);
    return peakLearningRate
        * warm
        * (minLearningRateRatio
            + (1 - minLearningRateRatio) * 0.5 * (1 + Math.cos(Math.PI * progress)));
  }
}
