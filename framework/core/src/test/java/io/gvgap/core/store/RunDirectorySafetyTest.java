package io.gvgap.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory is written by one run at a time, survives being moved, and accepts a fixed spec. */
class RunDirectorySafetyTest {

  @TempDir
  Path tmp;

  private static RunStore open(Path dir, String spec) {
    return RunStore.openOrCreate(dir, "t", spec, "name: t\n", "[]", "test");
  }

  private static SampleRecord sample(String id, int index) {
    return new SampleRecord("m", "task", id, index, "text " + index, 3, -1.5, "STOP", "7", 1.0);
  }

  @Test
  void aSecondStoreOnAnOpenDirectoryIsRefusedWithTheHolder() {
    Path dir = tmp.resolve("run");
    try (RunStore first = open(dir, "{}")) {
      first.appendSamples(List.of(sample("e1", 0)));
      assertThatThrownBy(() -> open(dir, "{}"))
          .isInstanceOf(DirectoryLockedException.class)
          .hasMessageContaining(
              dir + " is in use by pid " + ProcessHandle.current().pid())
          .hasMessageContaining("gvgap run 't'")
          .hasMessageContaining("choose another output directory");
    }
    try (RunStore again = open(dir, "{}")) {
      assertThat(again.resumed()).isTrue();
      assertThat(again.sampleIndices(new ExampleKey("m", "task", "e1")).cardinality())
          .isEqualTo(1);
    }
  }

  @Test
  void anotherProcessHoldingTheLockRefusesThisOne() throws Exception {
    Path dir = tmp.resolve("shared");
    Process holder = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            LockHolder.class.getName(),
            dir.toString())
        .redirectErrorStream(true)
        .start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("locked");
      assertThatThrownBy(() -> DirectoryLock.acquire(dir, "gvgap run"))
          .isInstanceOf(DirectoryLockedException.class)
          .hasMessageContaining("is in use by pid " + holder.pid())
          .hasMessageContaining("lock-holder test");
    } finally {
      holder.destroyForcibly();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    // the killed holder never released its lock; the operating system did, so the lock is taken
    // over
    try (DirectoryLock lock = DirectoryLock.acquire(dir, "gvgap run")) {
      assertThat(lock.staleHolder()).contains("pid " + holder.pid()).contains("lock-holder test");
    }
  }

  @Test
  void aStaleLockFileLeftByADeadProcessIsTakenOver() throws Exception {
    Path dir = tmp.resolve("run");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(DirectoryLock.FILE_NAME),
        "pid 999999 on elsewhere (gvgap run 'x', since then)");
    try (RunStore store = open(dir, "{}")) {
      assertThat(store.resumed()).isFalse();
    }
    try (DirectoryLock lock = DirectoryLock.acquire(dir, "check")) {
      assertThat(lock.staleHolder()).isNull();
    }
  }

  @Test
  void aRunDirectoryCopiedElsewhereResumesUnderItsOwnSpec() throws Exception {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, "{\"output\":\"" + dir + "\",\"samples\":4}")) {
      store.appendSamples(List.of(sample("e1", 0)));
    }
    Path copy = tmp.resolve("elsewhere").resolve("run");
    Files.createDirectories(copy);
    for (Path file : listFiles(dir)) {
      Files.copy(file, copy.resolve(file.getFileName()));
    }
    try (RunStore store = open(copy, "{\"output\":\"" + copy + "\",\"samples\":4}")) {
      assertThat(store.resumed()).isTrue();
      assertThat(store.sampleIndices(new ExampleKey("m", "task", "e1")).cardinality())
          .isEqualTo(1);
    }
  }

  @Test
  void aRunDirectoryOfTheOlderHashFormResumes() throws Exception {
    Path dir = tmp.resolve("run");
    String spec = "{\"output\":\"" + dir + "\",\"samples\":4}";
    try (RunStore store = open(dir, spec)) {
      store.appendSamples(List.of(sample("e1", 0)));
    }
    // run.json written before the hash left 'output' out: the hash of the whole spec text
    Path runJson = dir.resolve(RunStore.RUN_JSON);
    Files.writeString(
        runJson, Files.readString(runJson).replace(RunStore.specHash(spec), RunStore.sha256(spec)));
    try (RunStore store = open(dir, spec)) {
      assertThat(store.resumed()).isTrue();
    }
  }

  @Test
  void aDirectoryWhoseFirstAttemptFinishedNoWorkAcceptsTheCorrectedSpec() throws Exception {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, "{\"model\":\"missing\"}")) {
      store.appendExample(new ExampleRecord("task", "e1", 0, "q", "r", "p", java.util.Map.of()));
      store.finish(RunStatus.ERROR, "model missing");
    }
    try (RunStore store = open(dir, "{\"model\":\"fixed\"}")) {
      assertThat(store.info().attempts()).isEqualTo(2);
      assertThat(store.hasExample("task", "e1")).isFalse();
      store.appendSamples(List.of(sample("e1", 0)));
    }
    assertThat(dir.resolve(RunStore.SPEC_JSON)).hasContent("{\"model\":\"fixed\"}");
    // now that work is recorded, the spec is fixed to the directory
    assertThatThrownBy(() -> open(dir, "{\"model\":\"other\"}"))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("model (\"fixed\" vs \"other\")");
  }

  @Test
  void aPathThatIsAFileSaysSo() throws Exception {
    Path file = tmp.resolve("plain.txt");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> open(file, "{}"))
        .hasMessageContaining("cannot create run directory " + file)
        .hasMessageContaining("is a file, not a directory");
  }

  private static List<Path> listFiles(Path dir) throws Exception {
    try (var entries = Files.list(dir)) {
      return new ArrayList<>(entries.filter(Files::isRegularFile).toList());
    }
  }

  /** Holds a directory's lock in a separate process until it is killed. */
  public static final class LockHolder {
    /** Locks {@code args[0]}, says "locked", then waits to be killed. */
    public static void main(String[] args) throws Exception {
      DirectoryLock lock = DirectoryLock.acquire(Path.of(args[0]), "lock-holder test");
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(120_000);
      lock.close();
    }
  }
}
