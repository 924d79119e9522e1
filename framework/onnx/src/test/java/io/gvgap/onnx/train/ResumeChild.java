package io.gvgap.onnx.train;

import io.gvgap.onnx.decoder.ModelCard;
import java.nio.file.Path;

/**
 * Child JVM for {@link TrainerResumeTest}: trains slowly (a pause per step) so the test can kill or
 * stop it mid-run, and prints {@code step N} after each step.
 */
public final class ResumeChild {
  private ResumeChild() {}

  /** Arguments: output directory, pause per step in milliseconds. */
  public static void main(String[] args) throws Exception {
    long pause = Long.parseLong(args[1]);
    TrainerResumeTest.trainer().train(Path.of(args[0]), ModelCard.EMPTY, progress -> {
      System.out.println("step " + progress.step());
      System.out.flush();
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }
}
