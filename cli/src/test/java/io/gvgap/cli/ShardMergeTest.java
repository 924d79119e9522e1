package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.NoOptions;
import io.gvgap.core.merge.MergeResult;
import io.gvgap.core.merge.RunMerger;
import io.gvgap.core.options.OptionsBinder;
import io.gvgap.core.pipeline.RunPipeline;
import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.registry.ProviderCatalog;
import io.gvgap.core.spec.GenerationSettings;
import io.gvgap.core.spec.MetricsSettingsSpec;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.MergedShard;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.Shard;
import io.gvgap.core.store.WeightRecord;
import io.gvgap.index.IndexingObserver;
import io.gvgap.index.SampleIndex;
import io.gvgap.launcher.Launcher;
import io.gvgap.testing.KeepAboveFilter;
import io.gvgap.testing.ScriptedBackend;
import io.gvgap.testing.ToySumsTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sharded runs merged back together equal the unsharded run: metrics.json (every number, bootstrap
 * intervals included), examples, samples and scores record for record in the same order, the
 * sample index, diversity and duplicate clusters. Also the merge's refusals, each naming the
 * directory at fault and what to do.
 */
@Tag("slow")
class ShardMergeTest {

  private static final int SAMPLES = 4;

  @TempDir
  Path tmp;

  private final PluginRegistry registry =
      PluginRegistry.load(ShardMergeTest.class.getClassLoader());

  /**
   * Two models (the second as a separate label of the scripted backend), one task, two verifiers,
   * three filters; batches of 4 examples so that batch boundaries differ between shards and the
   * unsharded run.
   */
  private ResolvedRunSpec spec(Path out, int examples, int samples) {
    return new ResolvedRunSpec(
        "toy",
        out,
        42,
        List.of(
            new ResolvedModel("scripted", "scripted", new ScriptedBackend.Options(null, 0)),
            new ResolvedModel("scripted-b", "scripted", new ScriptedBackend.Options(null, 0))),
        List.of(new ResolvedTask("toy-sums", "toy-sums", examples, 3, new ToySumsTask.Options(50))),
        new GenerationSettings(samples, 0.7, 0.9, 0, 64, 4),
        null,
        List.of(
            new ResolvedComponent("judge", "scripted-judge", new NoOptions()),
            new ResolvedComponent("oracle", "oracle", defaults(registry.verifiers(), "oracle"))),
        List.of(
            new ResolvedComponent(
                "keep-above(tau=0.5)", "keep-above", new KeepAboveFilter.Options(0.5)),
            new ResolvedComponent(
                "keep-above(tau=0.8)", "keep-above", new KeepAboveFilter.Options(0.8)),
            new ResolvedComponent(
                "best-of-n", "best-of-n", defaults(registry.filters(), "best-of-n"))),
        new MetricsSettingsSpec(200, 0.95, List.of(1, 2), "fallback"));
  }

  /** A built-in plugin's options with every default. */
  private static Record defaults(ProviderCatalog<?> catalog, String name) {
    return OptionsBinder.bind(catalog.optionsType(name), new HashMap<>());
  }

  private RunResult run(ResolvedRunSpec spec, Shard shard) {
    return new RunPipeline(registry, Progress.NONE, "test", List.of(new IndexingObserver()))
        .run(spec, "name: toy\n", shard);
  }

  private MergeResult merge(Path out, List<Path> shards) {
    return new RunMerger(
            registry,
            Launcher.create(registry, Progress.NONE).executor(),
            Progress.NONE,
            "test",
            List.of(new IndexingObserver()))
        .merge(out, shards);
  }

  private List<Path> runShards(int examples, int count) {
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Shard shard = new Shard(i, count);
      Path dir = shard.directoryUnder(tmp.resolve("sharded"));
      run(spec(dir, examples, SAMPLES), shard);
      dirs.add(dir);
    }
    return dirs;
  }

  private static <T> List<T> records(Path dir, String file, Class<T> type) {
    List<T> out = new ArrayList<>();
    JsonLinesReader.read(dir.resolve(file), type, out::add);
    return out;
  }

  private static JsonNode json(Path file) throws IOException {
    return Json.mapper().readTree(file.toFile());
  }

  @ParameterizedTest(name = "{0} examples in {1} shards")
  @CsvSource({"12, 3", "10, 3", "4, 6"})
  void mergedShardsEqualTheUnshardedRun(int examples, int count) throws IOException {
    Path whole = tmp.resolve("whole");
    run(spec(whole, examples, SAMPLES), Shard.whole());
    List<Path> shards = runShards(examples, count);

    // each shard holds exactly its round-robin slice: positions p with p mod n == i, by hand
    // ceil((examples - i) / n) of them (for 10 in 3: 4, 3, 3; for 4 in 6: 1, 1, 1, 1, 0, 0)
    for (int i = 0; i < count; i++) {
      List<ExampleRecord> held = records(shards.get(i), RunStore.EXAMPLES, ExampleRecord.class);
      int index = i;
      assertThat(held).allSatisfy(e -> assertThat(e.position() % count).isEqualTo(index));
      assertThat(held).hasSize(Math.max(0, (examples - i + count - 1) / count));
      assertThat(RunStore.readInfo(shards.get(i)).shard()).isEqualTo(new Shard(i, count));
    }

    Path merged = tmp.resolve("merged");
    MergeResult result = merge(merged, shards);

    assertThat(result.examples()).isEqualTo(examples);
    assertThat(result.samples()).isEqualTo(2L * examples * SAMPLES);
    // metrics as parsed JSON trees: every number, intervals included, is the same
    assertThat(json(merged.resolve(RunStore.METRICS_JSON)))
        .isEqualTo(json(whole.resolve(RunStore.METRICS_JSON)));
    // records equal one for one, in the same order as the unsharded pipeline wrote them
    assertThat(records(merged, RunStore.EXAMPLES, ExampleRecord.class))
        .containsExactlyElementsOf(records(whole, RunStore.EXAMPLES, ExampleRecord.class));
    assertThat(records(merged, RunStore.SAMPLES, SampleRecord.class))
        .containsExactlyElementsOf(records(whole, RunStore.SAMPLES, SampleRecord.class));
    assertThat(records(merged, RunStore.SCORES, ScoreRecord.class))
        .containsExactlyElementsOf(records(whole, RunStore.SCORES, ScoreRecord.class));
    assertThat(records(merged, RunStore.WEIGHTS, WeightRecord.class))
        .isNotEmpty()
        .containsExactlyElementsOf(records(whole, RunStore.WEIGHTS, WeightRecord.class));
    // the index and what is computed from it
    assertThat(json(merged.resolve(IndexingObserver.DIVERSITY_JSON)))
        .isEqualTo(json(whole.resolve(IndexingObserver.DIVERSITY_JSON)));
    assertThat(json(merged.resolve(IndexingObserver.DUPLICATES_JSON)))
        .isEqualTo(json(whole.resolve(IndexingObserver.DUPLICATES_JSON)));
    try (SampleIndex index = SampleIndex.open(merged.resolve(IndexingObserver.INDEX_DIRECTORY))) {
      assertThat(index.count()).isEqualTo(2 * examples * SAMPLES);
    }
    // the spec, with the merge's own output, and run.json naming the shards
    JsonNode mergedSpec = json(merged.resolve(RunStore.SPEC_JSON));
    JsonNode wholeSpec = json(whole.resolve(RunStore.SPEC_JSON));
    assertThat(mergedSpec.get("output").asText()).isEqualTo(merged.toString());
    ((ObjectNode) mergedSpec).remove("output");
    ((ObjectNode) wholeSpec).remove("output");
    assertThat(mergedSpec).isEqualTo(wholeSpec);
    RunInfo info = RunStore.readInfo(merged);
    assertThat(info.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(info.shard()).isNull();
    assertThat(info.mergedFrom())
        .extracting(MergedShard::shard)
        .containsExactlyElementsOf(
            IntStream.range(0, count).mapToObj(i -> new Shard(i, count)).toList());
    assertThat(merged.resolve(RunStore.SPEC_SOURCE)).hasContent("name: toy\n");
  }

  @Test
  void shardsGivenInAnyOrderMergeTheSame() throws IOException {
    Path whole = tmp.resolve("whole");
    run(spec(whole, 7, SAMPLES), Shard.whole());
    List<Path> shards = new ArrayList<>(runShards(7, 3));
    Collections.reverse(shards);
    merge(tmp.resolve("merged"), shards);
    assertThat(json(tmp.resolve("merged").resolve(RunStore.METRICS_JSON)))
        .isEqualTo(json(whole.resolve(RunStore.METRICS_JSON)));
  }

  @Test
  void aKilledShardResumesWhereItStoppedAndTheMergeStillEqualsTheUnshardedRun() throws IOException {
    Path whole = tmp.resolve("whole");
    run(spec(whole, 12, SAMPLES), Shard.whole());
    List<Path> shards = runShards(12, 3);
    // crash shard 1/3 in its first batch: keep 5 of its 32 samples, no scores, and a torn line
    Path crashed = shards.get(1);
    keepLines(crashed.resolve(RunStore.SAMPLES), 5, "{\"model\":\"scr");
    keepLines(crashed.resolve(RunStore.SCORES), 0, "");
    Files.delete(crashed.resolve(RunStore.METRICS_JSON));
    RunInfo info = RunStore.readInfo(crashed);
    Files.writeString(
        crashed.resolve(RunStore.RUN_JSON),
        Json.mapper().writeValueAsString(info.withStatus(RunStatus.STARTED, null)));

    assertThatThrownBy(() -> merge(tmp.resolve("early"), shards))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining(crashed + " (shard 1/3) has not finished (status STARTED")
        .hasMessageContaining("rerun 'gvgap run SPEC --shard 1/3 --output " + crashed + "'");

    RunResult resumed = run(spec(crashed, 12, SAMPLES), new Shard(1, 3));
    assertThat(resumed.resumed()).isTrue();
    // 4 examples x 4 samples x 2 models = 32 samples in the shard, 5 of them kept from the crash
    assertThat(resumed.samplesGenerated()).isEqualTo(32 - 5);
    merge(tmp.resolve("merged"), shards);
    assertThat(json(tmp.resolve("merged").resolve(RunStore.METRICS_JSON)))
        .isEqualTo(json(whole.resolve(RunStore.METRICS_JSON)));
    assertThat(records(tmp.resolve("merged"), RunStore.SAMPLES, SampleRecord.class))
        .containsExactlyElementsOf(records(whole, RunStore.SAMPLES, SampleRecord.class));
  }

  @Test
  void aShardDirectoryIsNeverResumedAsAnotherShardOrUnsharded() {
    Path dir = tmp.resolve("s1");
    run(spec(dir, 6, SAMPLES), new Shard(1, 4));
    assertThatThrownBy(() -> run(spec(dir, 6, SAMPLES), new Shard(2, 4)))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("holds shard 1/4 of run 'toy'; it cannot be resumed as shard 2/4")
        .hasMessageContaining("rerun with --shard 1/4");
    assertThatThrownBy(() -> run(spec(dir, 6, SAMPLES), Shard.whole()))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("cannot be resumed as an unsharded run");
    Path plain = tmp.resolve("plain");
    run(spec(plain, 6, SAMPLES), Shard.whole());
    assertThatThrownBy(() -> run(spec(plain, 6, SAMPLES), new Shard(0, 2)))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining(
            "holds an unsharded run (all examples) of run 'toy'; it cannot be resumed as shard 0/2")
        .hasMessageContaining("rerun with no --shard");
  }

  @Test
  void theMergeRefusesShardsOfAnotherSpecNamingTheFieldThatDiffers() {
    List<Path> shards = runShards(6, 2);
    Path other = tmp.resolve("other-1-of-2");
    run(spec(other, 6, 3), new Shard(1, 2));
    assertThatThrownBy(() -> merge(tmp.resolve("merged"), List.of(shards.get(0), other)))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining(other + " was run from a different spec than " + shards.get(0))
        .hasMessageContaining("differ at 'generation.samples' (3 vs 4)");
    assertThat(tmp.resolve("merged")).doesNotExist();
  }

  @Test
  void theMergeRefusesAMissingADuplicateOrAnOddShard() {
    List<Path> shards = runShards(6, 3);
    assertThatThrownBy(() -> merge(tmp.resolve("m1"), List.of(shards.get(0), shards.get(2))))
        .hasMessageContaining("shard 1/3 is missing (given: [0/3, 2/3])")
        .hasMessageContaining("run 'gvgap run SPEC --shard 1/3'")
        .hasMessageContaining(shards.get(0).resolve(RunStore.SPEC_SOURCE).toString());
    assertThatThrownBy(() -> merge(
            tmp.resolve("m2"), List.of(shards.get(0), shards.get(1), shards.get(1), shards.get(2))))
        .hasMessageContaining(
            "shard 1/3 is given twice: " + shards.get(1) + " and " + shards.get(1));
    Path quarter = tmp.resolve("q");
    run(spec(quarter, 6, SAMPLES), new Shard(1, 4));
    assertThatThrownBy(() -> merge(tmp.resolve("m3"), List.of(shards.get(0), quarter)))
        .hasMessageContaining(quarter + " (shard 1/4) and " + shards.get(0)
            + " (shard 0/3) split the run into a" + " different number of shards");
    Path plain = tmp.resolve("plain");
    run(spec(plain, 6, SAMPLES), Shard.whole());
    assertThatThrownBy(() -> merge(tmp.resolve("m4"), List.of(plain)))
        .hasMessageContaining(plain + " is not a shard")
        .hasMessageContaining("run without --shard");
  }

  @Test
  void theMergeRefusesAnErrorShardAndAnOutputThatIsNotEmpty() throws IOException {
    List<Path> shards = runShards(6, 2);
    Path failed = shards.get(0);
    RunInfo info = RunStore.readInfo(failed);
    Files.writeString(
        failed.resolve(RunStore.RUN_JSON),
        Json.mapper().writeValueAsString(info.withStatus(RunStatus.ERROR, "model exploded")));
    assertThatThrownBy(() -> merge(tmp.resolve("m"), shards))
        .hasMessageContaining(
            failed + " (shard 0/2) has not finished (it stopped with an error: model exploded)");
    Files.writeString(failed.resolve(RunStore.RUN_JSON), Json.mapper().writeValueAsString(info));

    Path occupied = tmp.resolve("occupied");
    Files.createDirectories(occupied);
    Files.writeString(occupied.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> merge(occupied, shards))
        .hasMessageContaining(occupied + " exists and is not empty");
    assertThat(occupied.resolve("notes.txt")).hasContent("mine");
    assertThatThrownBy(() -> merge(shards.get(1), shards))
        .hasMessageContaining("is one of the shards");
  }

  private static void keepLines(Path file, int lines, String tornTail) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    String kept = lines == 0 ? "" : String.join("\n", all.subList(0, lines)) + "\n";
    Files.writeString(
        file, kept + tornTail, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
