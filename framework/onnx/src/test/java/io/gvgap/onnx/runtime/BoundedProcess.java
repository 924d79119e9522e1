package io.gvgap.onnx.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process for a test with a bounded wait. Its output goes to a file, not a pipe the test
 * reads first: reading a pipe to its end blocks until the child exits, so a hung child would hang the
 * test and no timeout after the read could fire. A child (and its own children) still running at the
 * limit is destroyed.
 */
public final class BoundedProcess {

  /**
   * What the child did.
   *
   * @param finished whether it exited within the limit
   * @param exitCode its exit code, or -1 when it was destroyed
   * @param output its standard output and error, interleaved
   */
  public record Result(boolean finished, int exitCode, String output) {}

  private BoundedProcess() {}

  /** Starts the command, waits at most {@code limit}, and returns what it wrote to {@code outputFile}. */
  public static Result run(ProcessBuilder command, Path outputFile, Duration limit)
      throws IOException, InterruptedException {
    Process process =
        command.redirectErrorStream(true).redirectOutput(outputFile.toFile()).start();
    boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    return new Result(
        finished,
        finished ? process.exitValue() : -1,
        Files.readString(outputFile, StandardCharsets.UTF_8));
  }
}
