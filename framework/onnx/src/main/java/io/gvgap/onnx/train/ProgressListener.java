package io.gvgap.onnx.train;

/** Receives a {@link TrainingProgress} after every step (on the training thread: return quickly). */
@FunctionalInterface
public interface ProgressListener {
  /** Called after each step. */
  void onStep(TrainingProgress progress);

  /** A listener that ignores progress. */
  static ProgressListener none() {
    return progress -> {};
  }
}
