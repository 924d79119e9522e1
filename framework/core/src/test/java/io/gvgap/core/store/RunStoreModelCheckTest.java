package io.gvgap.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model fingerprints in {@code run.json}: recorded at creation, checked on resume (a changed
 * model is refused and the directory left byte for byte as it was), and not checked for directories
 * written before they were recorded.
 */
class RunStoreModelCheckTest {

  private static final String OLD =
      "aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111";
  private static final String NEW =
      "bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222";
  private static final String SOURCE = "onnx {\"path\":\"models/arith-s\"}";

  @TempDir
  Path tmp;

  private static RunStore open(Path dir, List<ModelFingerprint> models) {
    return RunStore.openOrCreate(dir, "t", "{}", "name: t\n", "[]", "test", Shard.whole(), models);
  }

  private static SampleRecord sample(int index) {
    return new SampleRecord(
        "small", "task", "e1", index, "text " + index, 3, -1.5, "STOP", "7", 1.0);
  }

  private static Map<String, byte[]> contents(Path dir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(dir)) {
      for (Path file : all.toList()) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  @Test
  void theFingerprintsAreRecordedAndAnUnchangedModelResumes() {
    Path dir = tmp.resolve("run");
    List<ModelFingerprint> models = List.of(
        new ModelFingerprint("small", SOURCE, OLD),
        new ModelFingerprint("judge", "onnx {\"path\":\"models/judge\"}", NEW));
    try (RunStore store = open(dir, models)) {
      store.appendSamples(List.of(sample(0)));
    }
    assertThat(RunStore.readInfo(dir).models()).isEqualTo(models);
    try (RunStore store = open(dir, models)) {
      assertThat(store.resumed()).isTrue();
      assertThat(store.info().models()).isEqualTo(models);
      assertThat(store.sampleIndices(new ExampleKey("small", "task", "e1")).cardinality())
          .isEqualTo(1);
    }
    RunStore.checkModels(dir, models);
  }

  @Test
  void aChangedModelIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path dir = tmp.resolve("run");
    try (RunStore store = open(dir, List.of(new ModelFingerprint("small", SOURCE, OLD)))) {
      store.appendSamples(List.of(sample(0), sample(1)));
      store.finish(RunStatus.SUCCESS, null);
    }
    Map<String, byte[]> before = contents(dir);
    List<ModelFingerprint> retrained = List.of(new ModelFingerprint("small", SOURCE, NEW));

    assertThatThrownBy(() -> open(dir, retrained))
        .isInstanceOf(RunStoreException.class)
        .hasMessageStartingWith(dir + " holds results of a model whose files have changed")
        .hasMessageContaining(
            "model 'small' (" + SOURCE + ") has fingerprint bbbbbbbbbbbb now, but the run's"
                + " results were computed with fingerprint aaaaaaaaaaaa")
        .hasMessageContaining("restore the model it was started with")
        .hasMessageContaining("spec field 'output' or --output")
        .hasMessageNotContaining(NEW);
    assertThatThrownBy(() -> RunStore.checkModels(dir, retrained))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("model 'small'");
    Map<String, byte[]> after = contents(dir);
    assertThat(after).containsOnlyKeys(before.keySet());
    before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void aDirectoryWithoutARecordAndModelsWithoutAFingerprintAreNotChecked() {
    Path old = tmp.resolve("old");
    // null: what a run directory written before fingerprints were recorded reads back as
    try (RunStore store = open(old, null)) {
      store.appendSamples(List.of(sample(0)));
    }
    assertThat(RunStore.readInfo(old).models()).isNull();
    try (RunStore store = open(old, List.of(new ModelFingerprint("small", SOURCE, NEW)))) {
      assertThat(store.resumed()).isTrue();
      // the old results were never checked, so the store does not claim a fingerprint for them now
      assertThat(store.info().models()).isNull();
    }

    Path remote = tmp.resolve("remote");
    try (RunStore store = open(remote, List.of())) {
      store.appendSamples(List.of(sample(0)));
    }
    try (RunStore store = open(remote, List.of(new ModelFingerprint("small", SOURCE, NEW)))) {
      assertThat(store.resumed()).isTrue();
    }
  }

  @Test
  void runJsonWithoutModelsReadsBackAsNotRecorded() throws Exception {
    java.time.Instant t = java.time.Instant.parse("2025-01-01T00:00:00Z");
    RunInfo plain = new RunInfo(
        RunStore.FORMAT, 1, "toy", "h", RunStatus.SUCCESS, t, t, 1, null, "v", null, null, null);
    String json = Json.mapper().writeValueAsString(plain);
    assertThat(json).doesNotContain("models");
    assertThat(Json.mapper().readValue(json, RunInfo.class).models()).isNull();
    RunInfo recorded = new RunInfo(
        RunStore.FORMAT,
        1,
        "toy",
        "h",
        RunStatus.SUCCESS,
        t,
        t,
        1,
        null,
        "v",
        null,
        null,
        List.of(new ModelFingerprint("small", SOURCE, OLD)));
    assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(recorded), RunInfo.class))
        .isEqualTo(recorded);
  }
}
