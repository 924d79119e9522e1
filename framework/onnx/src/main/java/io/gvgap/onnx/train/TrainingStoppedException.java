package io.gvgap.onnx.train;

import java.nio.file.Path;

/**
 * A training run stopped on request (SIGTERM, Ctrl-C) after writing a checkpoint of its last step;
 * the same call resumes it from there.
 */
public final class TrainingStoppedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final long step;

  /** The run stopped after {@code step} of {@code steps}, its checkpoint in {@code outDirectory}. */
  public TrainingStoppedException(long step, long steps, Path outDirectory) {
    super("training stopped on request after step " + step + " of " + steps
        + "; its checkpoint is in " + outDirectory.resolve(Checkpoints.FOLDER)
        + ": run the same command to resume from it");
    this.step = step;
  }

  /** The last step done, the step of the checkpoint written. */
  public long step() {
    return step;
  }
}
