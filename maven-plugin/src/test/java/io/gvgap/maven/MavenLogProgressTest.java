package io.gvgap.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.progress.ProgressTask;
import org.junit.jupiter.api.Test;

/** Which progress lines reach the build log, with a clock the test moves by hand. */
class MavenLogProgressTest {

  private long now;

  @Test
  void knownTotalLogsStartEachTenthOnceAndDone() {
    CapturingLog log = new CapturingLog();
    MavenLogProgress progress = new MavenLogProgress(log, () -> now, 1_000_000_000L);
    try (ProgressTask task = progress.start("generate m / t", 100, "samples")) {
      for (int i = 0; i < 100; i++) {
        now += 50_000_000L; // 0.05 s a sample: 20 samples/s
        task.step(1);
      }
    }
    // start + the tenths 10%..90% (100% is the done line) + done = 1 + 9 + 1
    assertThat(log.lines).hasSize(11);
    assertThat(log.lines.get(0)).isEqualTo("gvgap: generate m / t: started (100 samples)");
    // after 10 samples, 0.5 s have passed: 10 / 0.5 = 20.0 samples/s
    assertThat(log.lines.get(1))
        .isEqualTo("gvgap: generate m / t: 10/100 samples (10%, 20.0 samples/s)");
    assertThat(log.lines.get(9))
        .isEqualTo("gvgap: generate m / t: 90/100 samples (90%, 20.0 samples/s)");
    // 100 samples x 0.05 s = 5.0 s
    assertThat(log.lines.get(10)).isEqualTo("gvgap: generate m / t: done, 100 samples in 5.0s");
  }

  @Test
  void aStepOverSeveralTenthsLogsOneLine() {
    CapturingLog log = new CapturingLog();
    MavenLogProgress progress = new MavenLogProgress(log, () -> now, 1_000_000_000L);
    ProgressTask task = progress.start("verify", 10, "judgements");
    now += 1_000_000_000L;
    task.step(4); // 40 %: one line, not four
    task.step(0); // still 40 %: nothing
    task.close();
    task.close(); // closing twice logs once
    assertThat(log.lines)
        .containsExactly(
            "gvgap: verify: started (10 judgements)",
            "gvgap: verify: 4/10 judgements (40%, 4.0 judgements/s)",
            "gvgap: verify: done, 4 judgements in 1.0s");
  }

  @Test
  void unknownTotalLogsAtMostOncePerInterval() {
    CapturingLog log = new CapturingLog();
    MavenLogProgress progress = new MavenLogProgress(log, () -> now, 10_000_000_000L);
    try (ProgressTask task = progress.start("metrics", -1, "groups")) {
      now += 4_000_000_000L;
      task.step(1); // 4 s since start: below the 10 s interval
      now += 6_000_000_000L;
      task.step(1); // 10 s: logs, 2 groups / 10 s = 0.2 groups/s
      now += 1_000_000_000L;
      task.step(1); // 1 s since the last line: nothing
    }
    assertThat(log.lines)
        .containsExactly(
            "gvgap: metrics: started",
            "gvgap: metrics: 2 groups (0.2 groups/s)",
            "gvgap: metrics: done, 3 groups in 11.0s");
  }
}
