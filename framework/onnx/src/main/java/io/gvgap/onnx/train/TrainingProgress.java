package io.gvgap.onnx.train;

import java.time.Duration;

/**
 * Progress after one step, for a {@link ProgressListener}.
 *
 * @param step steps taken
 * @param totalSteps steps in the run
 * @param loss this step's batch loss (weighted mean token cross-entropy, nats)
 * @param smoothedLoss the mean loss of the last (up to) 50 steps
 * @param learningRate the learning rate this step used
 * @param gradientNorm the global gradient norm before clipping
 * @param tokensSeen input tokens (not padding) trained on so far
 * @param tokensPerSecond input tokens per second since this process started training
 * @param remaining estimated time to the last step at the current speed
 */
public record TrainingProgress(
    long step,
    long totalSteps,
    double loss,
    double smoothedLoss,
    double learningRate,
    double gradientNorm,
    long tokensSeen,
    double tokensPerSecond,
    Duration remaining) {

  /** One line for a log: step, loss, rate, speed, ETA. */
  public String line() {
    return String.format(
        java.util.Locale.ROOT,
        "step %d/%d loss %.4f (avg %.4f) lr %.2e |g| %.3f tokens %d %.0f tok/s ETA %s",
        step,
        totalSteps,
        loss,
        smoothedLoss,
        learningRate,
        gradientNorm,
        tokensSeen,
        tokensPerSecond,
        remaining
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .toString()
            .substring(2)
            .toLowerCase());
  }
}
