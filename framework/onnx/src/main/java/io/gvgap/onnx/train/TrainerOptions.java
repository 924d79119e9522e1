package io.gvgap.onnx.train;

/**
 * How a {@link Trainer} trains.
 *
 * @param rowsPerBatch sequences per step
 * @param steps optimizer steps in the whole run (the schedule's length)
 * @param peakLearningRate learning rate after warm-up
 * @param warmupSteps steps of linear warm-up
 * @param weightDecay AdamW decoupled weight decay on matrices
 * @param clipNorm global gradient-norm clip (0: none)
 * @param seed seed of the batch order
 * @param checkpointEvery steps between checkpoints (0: only the final model)
 * @param threads ONNX Runtime intra-op threads (0: its default)
 * @param device {@code cpu} or {@code cuda}
 */
public record TrainerOptions(
    int rowsPerBatch,
    int steps,
    double peakLearningRate,
    int warmupSteps,
    double weightDecay,
    double clipNorm,
    long seed,
    int checkpointEvery,
    int threads,
    String device) {
  /** Validates the settings. */
  public TrainerOptions {
    if (rowsPerBatch < 1 || steps < 1 || checkpointEvery < 0 || threads < 0) {
      throw new IllegalArgumentException(
          "rowsPerBatch and steps must be >= 1, checkpointEvery and threads >= 0; were "
              + rowsPerBatch + ", " + steps + ", " + checkpointEvery + ", " + threads);
    }
    schedule(peakLearningRate, warmupSteps, steps, weightDecay, clipNorm);
  }

  /** Fine-tuning defaults: 16 rows, learning rate 3e-4, 10 % warm-up, decay 0.1, clip 1, checkpoints every 100 steps. */
  public static TrainerOptions fineTuning(int steps, long seed) {
    return new TrainerOptions(
        16, steps, 3e-4, Math.max(1, steps / 10), 0.1, 1.0, seed, 100, 0, "cpu");
  }

  /** The optimizer schedule these options give (betas 0.9/0.95, floor 10 % of the peak). */
  public AdamWSchedule schedule() {
    return schedule(peakLearningRate, warmupSteps, steps, weightDecay, clipNorm);
  }

  private static AdamWSchedule schedule(
      double peak, int warmup, int steps, double decay, double clip) {
    return new AdamWSchedule(peak, warmup, steps, 0.1, 0.9, 0.95, 1e-8, decay, clip);
  }
}
