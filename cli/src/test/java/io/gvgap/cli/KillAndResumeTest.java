package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code gvgap run} process with SIGKILL during generation and during verification,
 * reruns the same command, and checks that finished work is not redone, nothing is lost or
 * duplicated, and the metrics equal those of an uninterrupted run.
 */
@Tag("process")
class KillAndResumeTest {

  private static final int EXAMPLES = 12;
  private static final int SAMPLES = 8;
  private static final int BATCH = 4;

  @TempDir
  Path tmp;

  private final List<Process> children = new ArrayList<>();

  private Path spec(Path log) throws IOException {
    Path spec = tmp.resolve("toy.yaml");
    Files.writeString(
        spec, """
        name: toy
        seed: 5
        models:
          - label: scripted
            backend: scripted
            options: {log: "%s", delay_ms: 12}
        tasks:
          - name: toy-sums
            limit: %d
            seed: 9
        generation: {samples: %d, batch_examples: %d}
        verifiers:
          - name: scripted-judge
            label: judge
        filters:
          - name: keep-above
            sweep: {tau: [0.5, 0.8]}
        metrics: {bootstrap: 100, pass_at_k: [1, 4]}
        """.formatted(log.toString().replace("\\", "/"), EXAMPLES, SAMPLES, BATCH));
    return spec;
  }

  private Process start(Path spec, Path out) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(
        java,
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(),
        "--quiet",
        "run",
        spec.toString(),
        "--output",
        out.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve("child-" + out.getFileName() + ".out").toFile());
    Process process = pb.start();
    children.add(process);
    return process;
  }

  /** Kills every child still running, so that a failed or timed-out check never leaves one behind. */
  @AfterEach
  void killChildren() {
    children.forEach(Process::destroyForcibly);
  }

  private static long lines(Path file, String prefix) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).count();
  }

  private static void killWhen(Process p, Predicate<Void> condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.test(null)) {
      assertThat(p.isAlive()).as("the run ended before it could be killed").isTrue();
      assertThat(Instant.now()).as("timed out waiting for the kill point").isBefore(deadline);
      Thread.sleep(3);
    }
    p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(137);
  }

  private static Set<String> storedSampleKeys(Path dir) {
    Set<String> keys = new HashSet<>();
    JsonLinesReader.read(dir.resolve(RunStore.SAMPLES), SampleRecord.class, s -> {
      assertThat(keys.add(s.exampleId() + " " + s.sampleIndex()))
          .as("duplicate sample " + s)
          .isTrue();
    });
    return keys;
  }

  private static Set<String> storedScoreKeys(Path dir) {
    Set<String> keys = new HashSet<>();
    JsonLinesReader.read(dir.resolve(RunStore.SCORES), ScoreRecord.class, s -> {
      assertThat(keys.add(s.exampleId()))
          .as("duplicate scores " + s.exampleId())
          .isTrue();
    });
    return keys;
  }

  @Test
  void killedDuringGenerationAndDuringVerificationResumesWithoutLossDuplicationOrRework()
      throws Exception {
    Path log = tmp.resolve("calls.log");
    Path spec = spec(log);

    // the uninterrupted reference (its calls go to the same log; only later lines are inspected)
    Path reference = tmp.resolve("reference");
    Process ref = start(spec, reference);
    assertThat(ref.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(ref.exitValue())
        .as(Files.readString(tmp.resolve("child-reference.out")))
        .isZero();
    JsonNode expected =
        Json.mapper().readTree(reference.resolve(RunStore.METRICS_JSON).toFile());

    Path dir = tmp.resolve("run");
    // 1) SIGKILL while the second batch is being generated
    long before = lines(log, "");
    Process first = start(spec, dir);
    killWhen(first, v -> uncheckedCountAfter(log, before, "gen ") >= BATCH * SAMPLES + 5);
    assertThat(RunStore.readInfo(dir).status()).isEqualTo(RunStatus.STARTED);
    Set<String> samplesAfterFirstKill = storedSampleKeys(dir);
    assertThat(samplesAfterFirstKill.size()).isBetween(BATCH * SAMPLES, EXAMPLES * SAMPLES - 1);

    // 2) rerun the same command; SIGKILL it while the second batch is being verified
    long beforeSecond = lines(log, "");
    Process second = start(spec, dir);
    killWhen(
        second,
        v -> uncheckedCountAfter(log, beforeSecond, "score ") >= 5
            && storedScoreKeys(dir).size() >= BATCH);
    List<String> secondCalls = callsAfter(log, beforeSecond);
    Set<String> regenerated = new HashSet<>();
    secondCalls.stream()
        .filter(c -> c.startsWith("gen "))
        .forEach(c -> regenerated.add(c.substring(4)));
    assertThat(regenerated)
        .as("samples stored before the first kill are not generated again")
        .doesNotContainAnyElementsOf(samplesAfterFirstKill);
    Set<String> scoredBeforeSecondKill = storedScoreKeys(dir);

    // 3) rerun the same command to the end
    long beforeThird = lines(log, "");
    Process third = start(spec, dir);
    assertThat(third.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(third.exitValue())
        .as(Files.readString(tmp.resolve("child-run.out")))
        .isZero();
    List<String> thirdCalls = callsAfter(log, beforeThird);
    for (String call : thirdCalls) {
      if (call.startsWith("score ")) {
        String example = call.substring(6).split("#")[0];
        assertThat(scoredBeforeSecondKill)
            .as("examples verified before the second kill are not verified again")
            .doesNotContain(example);
      }
    }

    Set<String> finalSamples = storedSampleKeys(dir);
    assertThat(finalSamples).hasSize(EXAMPLES * SAMPLES);
    assertThat(storedScoreKeys(dir)).hasSize(EXAMPLES);
    assertThat(RunStore.readInfo(dir).status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(RunStore.readInfo(dir).attempts()).isEqualTo(3);
    assertThat(Json.mapper().readTree(dir.resolve(RunStore.METRICS_JSON).toFile()))
        .isEqualTo(expected);
    // the Lucene sample index followed the store through both kills: every sample once
    try (io.gvgap.index.SampleIndex index = io.gvgap.index.SampleIndex.open(dir.resolve("index"))) {
      assertThat(index.count()).isEqualTo(EXAMPLES * SAMPLES);
    }
    assertThat(Json.mapper().readTree(dir.resolve("diversity.json").toFile()))
        .isEqualTo(Json.mapper().readTree(reference.resolve("diversity.json").toFile()));
  }

  private static List<String> callsAfter(Path log, long skip) throws IOException {
    List<String> all = Files.readAllLines(log);
    return new ArrayList<>(all.subList((int) skip, all.size()));
  }

  private static long uncheckedCountAfter(Path log, long skip, String prefix) {
    try {
      return callsAfter(log, skip).stream().filter(l -> l.startsWith(prefix)).count();
    } catch (IOException e) {
      return 0;
    }
  }
}
