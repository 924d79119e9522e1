package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose model is the {@code openai} backend pointing at a server child process
 * ({@link FaultInjectingServe}: gvgap's server over a model that fails 5 % of its calls, answered
 * with HTTP 500) that is killed (SIGKILL) mid-generation and restarted on the same port: the run
 * must finish with every (example, sample index) stored exactly once.
 */
@Tag("process")
class RemoteServerFaultTest {
  private static final int EXAMPLES = 40;
  private static final int SAMPLES = 4;
  private static final double FAIL_RATE = 0.05;
  private static final Pattern URL = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/v1");

  @TempDir
  Path tmp;

  /** A fault seed whose second draw is a fault, so each server instance fails its second model call. */
  private static long seedWithEarlyFault() {
    for (long seed = 0; ; seed++) {
      SplittableRandom draws = new SplittableRandom(seed);
      if (draws.nextDouble() >= FAIL_RATE && draws.nextDouble() < FAIL_RATE) {
        return seed;
      }
    }
  }

  private Process serve(int port, long failSeed, Path log) throws IOException {
    Path model = Path.of("..", "models", "arith-2xs").toAbsolutePath().normalize();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(
        java,
        "-cp",
        System.getProperty("java.class.path"),
        FaultInjectingServe.class.getName(),
        model.toString(),
        Integer.toString(port),
        Double.toString(FAIL_RATE),
        Long.toString(failSeed));
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  private static int awaitPort(Process p, Path log) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      assertThat(p.isAlive())
          .as("gvgap serve exited: " + (Files.exists(log) ? Files.readString(log) : ""))
          .isTrue();
      if (Files.exists(log)) {
        Matcher m = URL.matcher(Files.readString(log));
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("gvgap serve printed no URL within 60 s: " + Files.readString(log));
  }

  private static long sampleLines(Path dir) {
    try {
      Path file = dir.resolve(RunStore.SAMPLES);
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      return 0; // read while being appended: try again
    }
  }

  private static long injectedFaults(Path log) throws IOException {
    return Files.readAllLines(log).stream()
        .filter(l -> l.contains("gvgap serve: 500") && l.contains("injected fault"))
        .count();
  }

  @Test
  void aRunSurvivesInjected500sAndAServerKilledAndRestartedMidGeneration() throws Exception {
    long failSeed = seedWithEarlyFault();
    Path firstLog = tmp.resolve("serve-1.log");
    Process first = serve(0, failSeed, firstLog);
    Process second = null;
    try {
      int port = awaitPort(first, firstLog);
      Path spec = tmp.resolve("remote.yaml");
      Files.writeString(spec, """
          name: remote-faults
          seed: 3
          models:
            - label: remote
              backend: openai
              options: {base_url: "http://127.0.0.1:%d/v1", model: arith-2xs, concurrency: 2, max_retries: 12,
                        retry_base_millis: 100, timeout_seconds: 30}
          tasks:
            - {name: arithmetic, limit: %d, seed: 11, options: {verification_shots: 0}}
          generation: {samples: %d, temperature: 0.7, max_tokens: 48, batch_examples: 4}
          verifiers:
            - name: oracle
          filters:
            - name: threshold
              options: {tau: 0.5}
          metrics: {bootstrap: 20, pass_at_k: [1]}
          """.formatted(port, EXAMPLES, SAMPLES));
      Path dir = tmp.resolve("run");
      CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
          () -> Main.run("--quiet", "run", spec.toString(), "--output", dir.toString()));

      // kill the server once the first batches are stored, well before the last
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (sampleLines(dir) < 2 * 4 * SAMPLES) {
        assertThat(run.isDone())
            .as("the run ended before the server could be killed")
            .isFalse();
        assertThat(Instant.now()).as("timed out waiting for the kill point").isBefore(deadline);
        Thread.sleep(2);
      }
      first.destroyForcibly(); // SIGKILL: requests in flight get no answer
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      long storedAtKill = sampleLines(dir);
      assertThat(storedAtKill).as("killed mid-generation").isLessThan(EXAMPLES * SAMPLES);

      Path secondLog = tmp.resolve("serve-2.log");
      second = serve(port, failSeed, secondLog);
      assertThat(awaitPort(second, secondLog)).isEqualTo(port);

      assertThat(run.get(90, TimeUnit.SECONDS)).as("gvgap run exit code").isZero();
      Set<String> keys = new HashSet<>();
      JsonLinesReader.read(dir.resolve(RunStore.SAMPLES), SampleRecord.class, s -> {
        assertThat(keys.add(s.exampleId() + "#" + s.sampleIndex()))
            .as("duplicate sample " + s.exampleId() + "#" + s.sampleIndex())
            .isTrue();
        assertThat(s.sampleIndex()).isBetween(0, SAMPLES - 1);
      });
      assertThat(keys).hasSize(EXAMPLES * SAMPLES);
      long faults = injectedFaults(firstLog) + injectedFaults(secondLog);
      // the seed makes each instance's second request a fault; both instances served at least two
      assertThat(injectedFaults(firstLog)).isPositive();
      assertThat(injectedFaults(secondLog)).isPositive();
      assertThat(faults).isGreaterThanOrEqualTo(2);
    } finally {
      first.destroyForcibly();
      if (second != null) {
        second.destroy(); // SIGTERM: the server stops cleanly
        boolean stopped = second.waitFor(30, TimeUnit.SECONDS);
        second.destroyForcibly(); // never leave a server behind, even when the check below fails
        assertThat(stopped).as("gvgap serve stopped within 30 s of SIGTERM").isTrue();
      }
    }
  }
}
