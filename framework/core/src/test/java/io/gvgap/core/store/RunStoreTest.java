package io.gvgap.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

  @TempDir
  Path tmp;

  private RunStore open(Path dir, String spec) {
    return RunStore.openOrCreate(dir, "t", spec, "name: t\n", "[]", "test");
  }

  private static SampleRecord sample(String id, int index) {
    return new SampleRecord("m", "task", id, index, "text " + index, 3, -1.5, "STOP", "7", 1.0);
  }

  @Test
  void writesLayoutAndStatus() throws Exception {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, "{\"a\":1}")) {
      store.appendSamples(List.of(sample("e1", 0)));
      store.finish(RunStatus.SUCCESS, null);
    }
    assertThat(dir.resolve(RunStore.SPEC_JSON)).hasContent("{\"a\":1}");
    assertThat(dir.resolve(RunStore.SPEC_SOURCE)).hasContent("name: t\n");
    assertThat(dir.resolve(RunStore.PLUGINS_JSON)).exists();
    RunInfo info = RunStore.readInfo(dir);
    assertThat(info.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(info.format()).isEqualTo(RunStore.FORMAT);
    assertThat(info.formatVersion()).isEqualTo(RunStore.FORMAT_VERSION);
    assertThat(info.attempts()).isEqualTo(1);
  }

  @Test
  void resumeKnowsWhatIsStoredAndRefusesDuplicates() {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, "{}")) {
      store.appendSamples(List.of(sample("e1", 0), sample("e1", 2)));
      store.appendScores(new ScoreRecord(
          "m", "task", "v", "e1", List.of(new SampleScore(0, 0.5, true, "raw", "ok"))));
    }
    try (RunStore store = open(dir, "{}")) {
      assertThat(store.resumed()).isTrue();
      assertThat(store.info().attempts()).isEqualTo(2);
      ExampleKey key = new ExampleKey("m", "task", "e1");
      assertThat(store.sampleIndices(key).stream().boxed().toList()).containsExactly(0, 2);
      assertThat(store.storedRecords().example(key).orElseThrow().samples())
          .extracting(SampleRecord::sampleIndex)
          .containsExactly(0, 2);
      assertThat(store.hasScores("v", key)).isTrue();
      assertThat(store.hasScores("w", key)).isFalse();
      assertThatThrownBy(() -> store.appendSamples(List.of(sample("e1", 2))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already recorded");
    }
  }

  @Test
  void tornLastLineFromACrashIsDroppedAndAppendingContinuesCleanly() throws Exception {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, "{}")) {
      store.appendSamples(List.of(sample("e1", 0), sample("e1", 1)));
    }
    Path samples = dir.resolve(RunStore.SAMPLES);
    // a crash in the middle of writing a third record leaves half a line without newline
    Files.writeString(
        samples,
        "{\"model\":\"m\",\"task\":\"ta",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (RunStore store = open(dir, "{}")) {
      assertThat(store.sampleIndices(new ExampleKey("m", "task", "e1")).cardinality())
          .isEqualTo(2);
      store.appendSamples(List.of(sample("e1", 2)));
    }
    List<SampleRecord> read = new ArrayList<>();
    JsonLinesReader.read(samples, SampleRecord.class, read::add);
    assertThat(read).extracting(SampleRecord::sampleIndex).containsExactly(0, 1, 2);
  }

  @Test
  void aDifferentSpecInTheSameDirectoryIsRefused() {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, "{\"samples\":4}")) {
      store.appendSamples(List.of(sample("e1", 0)));
    }
    assertThatThrownBy(() -> open(dir, "{\"samples\":8}"))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("holds a run of a different spec")
        .hasMessageContaining("1 field (recorded vs now): samples (4 vs 8)")
        .hasMessageContaining("choose another output directory");
  }

  @Test
  void aNonEmptyDirectoryThatIsNotARunIsRefused() throws Exception {
    Path dir = tmp.resolve("notes");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("x.txt"), "mine");
    assertThatThrownBy(() -> open(dir, "{}"))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("is not a gvgap run directory");
    assertThatThrownBy(() -> RunStore.readInfo(dir))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("has no run.json");
    assertThatThrownBy(() -> RunStore.readInfo(tmp.resolve("missing")))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("no such run directory");
  }

  @Test
  void aDamagedRecordNamesFileAndLine() throws Exception {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, "{}")) {
      store.appendSamples(List.of(sample("e1", 0)));
    }
    Files.writeString(dir.resolve(RunStore.SAMPLES), "not json\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> open(dir, "{}"))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining(RunStore.SAMPLES + ":2:");
  }

  @Test
  void aDuplicateRecordOnDiskIsReportedAsDamage() throws Exception {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, "{}")) {
      store.appendSamples(List.of(sample("e1", 0)));
    }
    Path samples = dir.resolve(RunStore.SAMPLES);
    Files.writeString(samples, Files.readString(samples), StandardOpenOption.APPEND);
    assertThatThrownBy(() -> open(dir, "{}"))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("recorded twice");
  }

  @Test
  void examplesAreRecordedOnce() {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, "{}")) {
      ExampleRecord e = new ExampleRecord("task", "e1", 0, "q", "r", "p", Map.of());
      store.appendExample(e);
      store.appendExample(e);
    }
    List<ExampleRecord> read = new ArrayList<>();
    JsonLinesReader.read(dir.resolve(RunStore.EXAMPLES), ExampleRecord.class, read::add);
    assertThat(read).hasSize(1);
  }
}
