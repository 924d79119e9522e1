package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hung child ends at the limit (the cross-check once read its output first, so its timeout never fired). */
class BoundedProcessTest {
  @TempDir
  Path dir;

  @Test
  void aChildThatHangsIsDestroyedAtTheLimitWithItsOutputSoFar() throws Exception {
    long start = System.nanoTime();
    BoundedProcess.Result result = BoundedProcess.run(
        new ProcessBuilder("sh", "-c", "echo started; exec sleep 120"),
        dir.resolve("out.txt"),
        Duration.ofSeconds(1));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(result.finished()).isFalse();
    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.output()).contains("started");
    assertThat(seconds).as("waited for the limit, not for the child").isLessThan(30);
  }

  @Test
  void aChildThatExitsGivesItsCodeAndBothStreams() throws Exception {
    BoundedProcess.Result result = BoundedProcess.run(
        new ProcessBuilder("sh", "-c", "echo out; echo err >&2; exit 3"),
        dir.resolve("out.txt"),
        Duration.ofSeconds(60));
    assertThat(result.finished()).isTrue();
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.output()).contains("out").contains("err");
  }
}
