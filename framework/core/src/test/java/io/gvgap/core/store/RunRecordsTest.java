package io.gvgap.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.metrics.StrategyKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-directory model joins the four record files by key, in the task's order, and refuses damage. */
class RunRecordsTest {

  @TempDir
  Path dir;

  private static SampleRecord sample(String model, String id, int index) {
    return new SampleRecord(
        model, "t", id, index, "text " + id + index, 3, null, "STOP", "1", index % 2);
  }

  private static ScoreRecord scores(String model, String verifier, String id, int... indices) {
    return new ScoreRecord(
        model,
        "t",
        verifier,
        id,
        java.util.Arrays.stream(indices)
            .mapToObj(i -> new SampleScore(i, 0.1 * i, true, "raw", "ok"))
            .toList());
  }

  private static WeightRecord weights(
      String model, String verifier, String filter, String id, int... indices) {
    return new WeightRecord(
        model,
        "t",
        id,
        verifier,
        filter,
        java.util.Arrays.stream(indices)
            .mapToObj(i -> SampleWeight.of(i, i % 2))
            .toList());
  }

  private void write() {
    try (JsonLinesWriter examples = new JsonLinesWriter(dir.resolve(RunStore.EXAMPLES));
        JsonLinesWriter samples = new JsonLinesWriter(dir.resolve(RunStore.SAMPLES));
        JsonLinesWriter scores = new JsonLinesWriter(dir.resolve(RunStore.SCORES));
        JsonLinesWriter weights = new JsonLinesWriter(dir.resolve(RunStore.WEIGHTS))) {
      // stored in another order than the task's: b (position 1) before a (position 0)
      examples.append(new ExampleRecord("t", "b", 1, "q b", "r b", "p b", Map.of()));
      examples.append(new ExampleRecord("t", "a", 0, "q a", "r a", "p a", Map.of()));
      samples.append(sample("m", "b", 1));
      samples.append(sample("m", "b", 0));
      samples.append(sample("m", "a", 0));
      samples.append(sample("n", "a", 0));
      samples.append(sample("m", "a", 1));
      scores.append(scores("m", "v", "b", 1, 0));
      scores.append(scores("m", "w", "b", 0, 1));
      scores.append(scores("m", "v", "a", 0, 1));
      weights.append(weights("m", "v", "f", "b", 1, 0));
      weights.append(weights("m", "v", "g", "b", 0, 1));
    }
  }

  @Test
  void joinsEachExampleWithItsSamplesScoresAndWeightsInTheTasksOrder() {
    write();
    RunRecords records = RunRecords.read(dir);
    assertThat(records.groups()).extracting(ResultGroup::model).containsExactly("m", "n");
    ResultGroup m = records.group("m", "t").orElseThrow();
    assertThat(m.examples()).extracting(e -> e.key().exampleId()).containsExactly("a", "b");
    ExampleResults b = m.examples().get(1);
    assertThat(b.example().question()).isEqualTo("q b");
    assertThat(b.samples()).extracting(SampleRecord::sampleIndex).containsExactly(0, 1);
    assertThat(b.hasAllSamples(2)).isTrue();
    assertThat(b.scores().keySet()).containsExactly("v", "w");
    assertThat(b.scores("v")).extracting(SampleScore::sampleIndex).containsExactly(0, 1);
    assertThat(b.weights().keySet())
        .containsExactly(new StrategyKey("v", "f"), new StrategyKey("v", "g"));
    assertThat(b.weights("v", "f"))
        .containsExactly(new SampleWeight(0, 0, false), new SampleWeight(1, 1, true));
    ExampleResults a = m.examples().get(0);
    assertThat(a.weights()).isEmpty();
    assertThat(a.scores("w")).isNull();
    assertThat(records.example(new ExampleKey("n", "t", "a")).orElseThrow().samples())
        .hasSize(1);
    assertThat(records.exampleRecords())
        .extracting(ExampleRecord::exampleId)
        .containsExactly("b", "a");
    assertThat(records.samples()).hasSize(5);
  }

  @Test
  void aTornLastLineIsSkippedAndMissingFilesReadAsEmpty() throws Exception {
    assertThat(RunRecords.read(dir).groups()).isEmpty();
    write();
    Files.writeString(
        dir.resolve(RunStore.WEIGHTS),
        "{\"model\":\"m\",\"ta",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    assertThat(RunRecords.read(dir).examples().mapToInt(e -> e.weights().size()).sum())
        .isEqualTo(2);
  }

  @Test
  void aRecordStoredTwiceIsAnErrorNamingTheFile() {
    write();
    try (JsonLinesWriter weights = new JsonLinesWriter(dir.resolve(RunStore.WEIGHTS))) {
      weights.append(weights("m", "v", "f", "b", 0, 1));
    }
    assertThatThrownBy(() -> RunRecords.read(dir))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining(RunStore.WEIGHTS)
        .hasMessageContaining("v/f")
        .hasMessageContaining("twice");
    try (JsonLinesWriter scores = new JsonLinesWriter(dir.resolve(RunStore.SCORES))) {
      scores.append(scores("m", "v", "a", 0, 1));
    }
    assertThatThrownBy(() -> RunRecords.read(dir))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining(RunStore.SCORES)
        .hasMessageContaining("twice");
  }

  @Test
  void aRunDirectoryOpensWithItsManifestAndRefusesWhatIsNotARun() throws Exception {
    assertThatThrownBy(() -> RunDirectory.open(dir))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("not a gvgap run directory");
    try (RunStore store = RunStore.openOrCreate(
        dir.resolve("run"), "r", "{\"name\":\"r\"}", "name: r\n", "[]", "1")) {
      store.appendSamples(
          List.of(new SampleRecord("m", "t", "a", 0, "x", 1, null, "STOP", null, 0)));
      store.finish(RunStatus.SUCCESS, null);
    }
    RunDirectory run = RunDirectory.open(dir.resolve("run"));
    assertThat(run.manifest().info().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.manifest().spec().path("name").asText()).isEqualTo("r");
    assertThat(run.manifest().specSource()).isEqualTo("name: r\n");
    assertThat(run.metrics()).isEmpty();
    assertThat(run.records().samples()).hasSize(1);
    assertThat(RunDirectory.isRunDirectory(dir.resolve("run"))).isTrue();
    assertThat(RunDirectory.isRunDirectory(dir)).isFalse();
  }
}
