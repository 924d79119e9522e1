package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL resumes from its last checkpoint and ends exactly where an uninterrupted run ends. */
@Tag("process")
class TrainerResumeTest {
  static final CharVocabulary VOCABULARY = new CharVocabulary("0123456789+=\n ");
  static final DecoderConfig CONFIG = DecoderConfig.gpt2Like(VOCABULARY.size(), 16, 1, 16, 2);

  /** The run both JVMs perform: 30 steps, a checkpoint every 4, one intra-op thread (bitwise reproducible). */
  static Trainer trainer() {
    List<TrainingExample> examples = new ArrayList<>();
    for (int a = 0; a < 10; a++) {
      for (int b = 0; b < 10; b += 3) {
        examples.add(new TrainingExample(a + "+" + b + "=", Integer.toString(a + b), 1 + (a % 2)));
      }
    }
    TrainerOptions options = new TrainerOptions(8, 30, 1e-2, 3, 0.1, 1.0, 5, 4, 1, "cpu");
    return new Trainer(CONFIG, VOCABULARY, DecoderParameters.random(CONFIG, 9), examples, options);
  }

  @Test
  void aKilledRunResumesAndMatchesAnUninterruptedRun(@TempDir Path temp) throws Exception {
    Path uninterrupted = temp.resolve("uninterrupted");
    TrainingResult reference =
        trainer().train(uninterrupted, ModelCard.EMPTY, ProgressListener.none());
    assertThat(reference.resumedFromStep()).isZero();
    assertThat(Files.exists(uninterrupted.resolve(Checkpoints.FOLDER))).isFalse();

    Path killed = temp.resolve("killed");
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ResumeChild.class.getName(),
            killed.toString(),
            "150")
        .redirectErrorStream(true)
        .redirectOutput(temp.resolve("child.log").toFile())
        .start();
    Path latest = killed.resolve(Checkpoints.FOLDER).resolve("LATEST");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    try {
      while (!(Files.exists(latest) && Files.readString(latest).compareTo("step-00000008") >= 0)) {
        assertThat(child.isAlive())
            .as("child finished or died early; log: %s", temp.resolve("child.log"))
            .isTrue();
        assertThat(System.nanoTime())
            .as("no checkpoint at step 8 within 120 s")
            .isLessThan(deadline);
        Thread.sleep(50);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no chance to tidy up
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long checkpointStep = Checkpoints.latest(killed).orElseThrow().step();
    assertThat(checkpointStep).isBetween(8L, 29L);
    // the checkpoint is itself an ordinary model directory
    Path checkpointDirectory =
        killed.resolve(Checkpoints.FOLDER).resolve(Files.readString(latest).trim());
    try (OnnxLanguageModel model = OnnxLanguageModel.open(checkpointDirectory, 1, "cpu", 4)) {
      assertThat(model.generate(
              List.of(new GenerationRequest("a", "1+2=", 0, 1, List.of("\n"))),
              SamplingParams.greedy(3)))
          .hasSize(1);
    }

    TrainingResult resumed = trainer().train(killed, ModelCard.EMPTY, ProgressListener.none());
    assertThat(resumed.resumedFromStep()).isEqualTo(checkpointStep);
    assertThat(resumed.steps()).isEqualTo(30);
    assertThat(resumed.tokensSeen()).isEqualTo(reference.tokensSeen());
    assertSameParameters(uninterrupted, killed);
  }

  @Test
  void aRunStoppedWithSigtermCheckpointsItsLastStepExitsCleanlyAndResumes(@TempDir Path temp)
      throws Exception {
    Path uninterrupted = temp.resolve("uninterrupted");
    trainer().train(uninterrupted, ModelCard.EMPTY, ProgressListener.none());

    Path stopped = temp.resolve("stopped");
    Path log = temp.resolve("child.log");
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            ResumeChild.class.getName(),
            stopped.toString(),
            "150")
        .directory(temp.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    try {
      while (lastStep(log) < 9) {
        assertThat(child.isAlive())
            .as("child finished or died early; log: %s", log)
            .isTrue();
        assertThat(System.nanoTime()).as("no step 9 within 120 s").isLessThan(deadline);
        Thread.sleep(20);
      }
      child.destroy(); // SIGTERM on Unix: an orderly shutdown, as from kill or a scheduler
      assertThat(child.waitFor(60, TimeUnit.SECONDS))
          .as("the child exits on SIGTERM by itself")
          .isTrue();
    } finally {
      child.destroyForcibly();
    }
    // the JVM's status for SIGTERM after its shutdown hooks ran; no crash report
    assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(143);
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(name -> name.startsWith("hs_err"));
    }
    // the checkpoint is of the last step the child finished, not only of the every-4 schedule
    long last = lastStep(log);
    assertThat(Checkpoints.latest(stopped).orElseThrow().step()).isEqualTo(last);

    TrainingResult resumed = trainer().train(stopped, ModelCard.EMPTY, ProgressListener.none());
    assertThat(resumed.resumedFromStep()).isEqualTo(last);
    assertSameParameters(uninterrupted, stopped);
  }

  @Test
  void aStopRequestWritesACheckpointOfTheLastStepAndSaysHowToResume(@TempDir Path temp)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Path out = temp.resolve("out");
    assertThatThrownBy(() -> trainer()
            .train(
                out,
                ModelCard.EMPTY,
                progress -> {
                  if (progress.step() == 5) {
                    stop.set(true);
                  }
                },
                stop))
        .isInstanceOf(TrainingStoppedException.class)
        .hasMessage("training stopped on request after step 5 of 30; its checkpoint is in "
            + out.resolve("checkpoints") + ": run the same command to resume from it")
        .extracting(e -> ((TrainingStoppedException) e).step())
        .isEqualTo(5L);
    // step 5 is off the every-4 schedule: this checkpoint is the stop's
    assertThat(Checkpoints.latest(out).orElseThrow().step()).isEqualTo(5);
    assertThat(trainer().train(out, ModelCard.EMPTY, ProgressListener.none()).resumedFromStep())
        .isEqualTo(5);
  }

  /** Every parameter of the model in {@code actual} equals, bit for bit, the one in {@code expected}. */
  private static void assertSameParameters(Path expected, Path actual) throws java.io.IOException {
    Map<String, float[]> want = ModelDirectory.readParameters(expected);
    Map<String, float[]> got = ModelDirectory.readParameters(actual);
    for (String name : want.keySet()) {
      assertThat(got.get(name)).as(name).containsExactly(want.get(name));
    }
  }

  /** The last {@code step N} line of the child's log, or 0. */
  private static long lastStep(Path log) throws java.io.IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    long last = 0;
    for (String line : Files.readAllLines(log)) {
      if (line.matches("step \\d+")) {
        last = Long.parseLong(line.substring(5));
      }
    }
    return last;
  }
}
