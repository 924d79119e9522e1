package io.gvgap.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.api.NoOptions;
import io.gvgap.core.metrics.EmptyKeptPolicy;
import io.gvgap.core.metrics.MetricsCalculator;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PromptData;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.GenerationSettings;
import io.gvgap.core.spec.MetricsSettingsSpec;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.store.ExampleResults;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.WeightRecord;
import io.gvgap.testing.KeepAboveFilter;
import io.gvgap.testing.ScriptedBackend;
import io.gvgap.testing.ToySumsTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filtering stage with the scripted test model: every run stores one weight record per
 * (example, verifier, filter) in {@code weights.jsonl}; those are exactly the weights the metrics
 * use; a resumed run keeps the stored weights and computes only the missing ones; a run whose
 * filters changed is refused like any other spec change; observers get each batch's records.
 */
@Tag("test-doubles")
class FilteringStageTest {

  private static final int EXAMPLES = 10;
  private static final int SAMPLES = 5;
  private static final List<String> FILTERS = List.of("keep-above(tau=0.5)", "keep-above(tau=0.8)");

  @TempDir
  Path tmp;

  private final PluginRegistry registry =
      PluginRegistry.load(FilteringStageTest.class.getClassLoader());

  private static ResolvedRunSpec spec(Path out, double... taus) {
    List<ResolvedComponent> filters = new ArrayList<>();
    for (double tau : taus) {
      filters.add(new ResolvedComponent(
          "keep-above(tau=" + tau + ")", "keep-above", new KeepAboveFilter.Options(tau)));
    }
    return new ResolvedRunSpec(
        "toy",
        out,
        42,
        List.of(new ResolvedModel("scripted", "scripted", new ScriptedBackend.Options(null, 0))),
        List.of(new ResolvedTask("toy-sums", "toy-sums", EXAMPLES, 3, new ToySumsTask.Options(50))),
        new GenerationSettings(SAMPLES, 0.7, 0.9, 0, 64, 4),
        null,
        List.of(new ResolvedComponent("judge", "scripted-judge", new NoOptions())),
        filters,
        new MetricsSettingsSpec(100, 0.95, List.of(1, 2), "fallback"));
  }

  private RunResult run(ResolvedRunSpec spec, RunObserver... observers) {
    return new RunPipeline(registry, Progress.NONE, "test", List.of(observers))
        .run(spec, "name: toy\n");
  }

  @Test
  void everyRunStoresOneWeightRecordPerExampleVerifierAndFilterAndTheMetricsAreComputedFromThem() {
    Path dir = tmp.resolve("run");
    RunResult result = run(spec(dir, 0.5, 0.8));

    RunRecords records = RunRecords.read(dir);
    assertThat(dir.resolve(RunStore.WEIGHTS)).exists();
    assertThat(records.examples()).hasSize(EXAMPLES);
    List<PromptData> prompts = new ArrayList<>();
    records.examples().forEach(example -> {
      assertThat(example.weights().keySet())
          .containsExactly(
              new StrategyKey("judge", FILTERS.get(0)), new StrategyKey("judge", FILTERS.get(1)));
      // the weights are the filter's rule applied to the stored scores, and kept means weight > 0
      List<SampleScore> scores = example.scores("judge");
      for (int f = 0; f < FILTERS.size(); f++) {
        double tau = f == 0 ? 0.5 : 0.8;
        List<SampleWeight> weights = example.weights("judge", FILTERS.get(f));
        assertThat(weights).hasSize(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
          Double score = scores.get(i).value();
          double expected = score != null && score >= tau ? 1 : 0;
          assertThat(weights.get(i)).isEqualTo(new SampleWeight(i, expected, expected > 0));
        }
      }
      prompts.add(promptData(example));
    });
    // metrics built independently from the stored weights equal the run's metrics
    MetricsSettings settings =
        new MetricsSettings(100, 0.95, 42, List.of(1, 2), EmptyKeptPolicy.FALLBACK);
    JsonNode fromWeights =
        Json.mapper().valueToTree(new MetricsCalculator(settings).compute(prompts));
    assertThat(fromWeights)
        .isEqualTo(Json.mapper().valueToTree(result.metrics().groups().get(0).metrics()));
  }

  @Test
  void theMetricsReadTheStoredWeightsNotTheFilter() throws IOException {
    Path dir = tmp.resolve("run");
    RunResult result = run(spec(dir, 0.5, 0.8));
    // keep no sample in the stored weights of tau=0.5: the filter, run again, would keep some
    Path weights = dir.resolve(RunStore.WEIGHTS);
    List<String> rewritten = new ArrayList<>();
    for (String line : Files.readAllLines(weights, StandardCharsets.UTF_8)) {
      WeightRecord record = Json.mapper().readValue(line, WeightRecord.class);
      if (record.filter().equals(FILTERS.get(0))) {
        record = new WeightRecord(
            record.model(),
            record.task(),
            record.exampleId(),
            record.verifier(),
            record.filter(),
            record.weights().stream()
                .map(w -> SampleWeight.of(w.sampleIndex(), 0))
                .toList());
      }
      rewritten.add(Json.mapper().writeValueAsString(record));
    }
    Files.write(weights, rewritten, StandardCharsets.UTF_8);

    var recomputed =
        new RunPipeline(registry, Progress.NONE, "test").computeMetrics(spec(dir, 0.5, 0.8));
    var strategy = recomputed.groups().get(0).metrics().strategies().get(0);
    assertThat(strategy.keptFraction()).isZero();
    assertThat(result.metrics().groups().get(0).metrics().strategies().get(0).keptFraction())
        .isPositive();
    // the other strategy's stored weights are untouched, and so are its metrics
    JsonNode other = Json.mapper()
        .valueToTree(recomputed.groups().get(0).metrics().strategies().get(1));
    JsonNode otherBefore = Json.mapper()
        .valueToTree(result.metrics().groups().get(0).metrics().strategies().get(1));
    assertThat(other).isEqualTo(otherBefore);
  }

  @Test
  void aResumedRunKeepsStoredWeightsAndComputesOnlyTheMissingOnes() throws IOException {
    Path reference = tmp.resolve("reference");
    RunResult uninterrupted = run(spec(reference, 0.5, 0.8));
    Path dir = tmp.resolve("crashed");
    run(spec(dir, 0.5, 0.8));
    // a crash while filtering the second batch: the weights of batch 1 (4 examples x 2 filters) and
    // one
    // more record stay, and the first stored record is marked (a weight of 3 that the filter never
    // gives)
    Path weights = dir.resolve(RunStore.WEIGHTS);
    List<String> lines = Files.readAllLines(weights, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(EXAMPLES * FILTERS.size());
    WeightRecord first = Json.mapper().readValue(lines.get(0), WeightRecord.class);
    WeightRecord marked = new WeightRecord(
        first.model(),
        first.task(),
        first.exampleId(),
        first.verifier(),
        first.filter(),
        first.weights().stream().map(w -> SampleWeight.of(w.sampleIndex(), 3)).toList());
    List<String> kept = new ArrayList<>(lines.subList(0, 9));
    kept.set(0, Json.mapper().writeValueAsString(marked));
    Files.writeString(
        weights, String.join("\n", kept) + "\n{\"model\":\"scr", StandardCharsets.UTF_8);
    Files.delete(dir.resolve(RunStore.METRICS_JSON));
    RunInfo info = RunStore.readInfo(dir);
    Files.writeString(
        dir.resolve(RunStore.RUN_JSON),
        Json.mapper().writeValueAsString(info.withStatus(RunStatus.STARTED, null)));

    RunResult resumed = run(spec(dir, 0.5, 0.8));

    assertThat(resumed.samplesGenerated()).isZero();
    assertThat(resumed.examplesVerified()).isZero();
    List<String> after = Files.readAllLines(weights, StandardCharsets.UTF_8);
    assertThat(after).hasSize(EXAMPLES * FILTERS.size());
    // stored weights were not computed again: the marked record is still there, once
    assertThat(after.get(0)).isEqualTo(Json.mapper().writeValueAsString(marked));
    assertThat(after.subList(1, 9)).isEqualTo(lines.subList(1, 9));
    // the missing ones are those an uninterrupted run stored
    assertThat(RunRecords.read(dir)
            .examples()
            .map(ExampleResults::weights)
            .toList()
            .subList(1, EXAMPLES))
        .isEqualTo(RunRecords.read(reference)
            .examples()
            .map(ExampleResults::weights)
            .toList()
            .subList(1, EXAMPLES));
    assertThat(uninterrupted.metrics().groups().get(0).metrics().prompts()).isEqualTo(EXAMPLES);
  }

  @Test
  void aRunWhoseFiltersChangedIsRefusedLikeAnyOtherSpecChange() {
    Path dir = tmp.resolve("run");
    run(spec(dir, 0.5, 0.8));
    assertThatThrownBy(() -> run(spec(dir, 0.5, 0.9)))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("holds a run of a different spec");
    assertThat(
            RunRecords.read(dir).examples().findFirst().orElseThrow().weights().keySet())
        .containsExactly(
            new StrategyKey("judge", FILTERS.get(0)), new StrategyKey("judge", FILTERS.get(1)));
  }

  @Test
  void observersReceiveEachBatchsRecordsFromThePipelineAndAgainOnResume() throws IOException {
    Path dir = tmp.resolve("run");
    RecordingObserver fresh = new RecordingObserver();
    run(spec(dir, 0.5), fresh);
    // batches of 4, 4 and 2 examples; every sample and score once
    assertThat(fresh.batchSizes).containsExactly(4 * SAMPLES, 4 * SAMPLES, 2 * SAMPLES);
    assertThat(fresh.samples).hasSize(EXAMPLES * SAMPLES).doesNotHaveDuplicates();
    assertThat(fresh.scores).hasSize(EXAMPLES);
    assertThat(fresh.scores).allSatisfy(s -> assertThat(s.scores()).hasSize(SAMPLES));
    assertThat(fresh.finished).isTrue();

    Files.delete(dir.resolve(RunStore.METRICS_JSON));
    RecordingObserver resumed = new RecordingObserver();
    run(spec(dir, 0.5), resumed);
    // nothing was generated again, but each batch is delivered with everything stored for it
    assertThat(resumed.samples).containsExactlyInAnyOrderElementsOf(fresh.samples);
    assertThat(resumed.scores).containsExactlyInAnyOrderElementsOf(fresh.scores);
  }

  private static PromptData promptData(ExampleResults example) {
    double[] utilities =
        example.samples().stream().mapToDouble(SampleRecord::utility).toArray();
    boolean[] found = new boolean[utilities.length];
    for (int i = 0; i < found.length; i++) {
      found[i] = example.samples().get(i).answerFound();
    }
    double[] scores =
        example.scores("judge").stream().mapToDouble(SampleScore::valueOrNaN).toArray();
    Map<StrategyKey, double[]> weights = new LinkedHashMap<>();
    for (String filter : FILTERS) {
      weights.put(
          new StrategyKey("judge", filter),
          example.weights("judge", filter).stream()
              .mapToDouble(SampleWeight::weight)
              .toArray());
    }
    return new PromptData(
        example.key().exampleId(), utilities, found, Map.of("judge", scores), weights);
  }

  /** Records what a run's observer receives. */
  private static final class RecordingObserver implements RunObserver {
    final List<Integer> batchSizes = new ArrayList<>();
    final List<SampleRecord> samples = new ArrayList<>();
    final List<ScoreRecord> scores = new ArrayList<>();
    boolean finished;

    @Override
    public void batchStored(
        Path runDirectory, List<SampleRecord> batchSamples, List<ScoreRecord> batchScores) {
      batchSizes.add(batchSamples.size());
      samples.addAll(batchSamples);
      scores.addAll(batchScores);
    }

    @Override
    public void runFinished(Path runDirectory) {
      finished = true;
    }
  }
}
