package io.gvgap.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelBackend;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import io.gvgap.api.verify.Verifier;
import io.gvgap.core.metrics.EmptyKeptPolicy;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.progress.ProgressTask;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedSpecWriter;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.ModelFingerprint;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.Shard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a resolved spec: for each model and task, generate, judge utility, verify, filter, then
 * compute metrics, writing everything to a resumable run directory.
 *
 * <p>Work proceeds in batches of examples ({@code generation.batch_examples}): a batch is generated,
 * its utilities computed, then each verifier scores it, then each filter weighs each verifier's
 * scores ({@code weights.jsonl}), and only then does the next batch start, so memory is bounded by a
 * batch and a crash loses at most the batch in flight. Each stage returns the records it stored and
 * the pipeline hands them to the next stage and to the observers ({@code BatchRecords}). Rerunning
 * the same spec on the same directory resumes: stored samples, scores and weights are not
 * recomputed. The metrics are computed from the directory's records alone, weights included, so they
 * need no plugin. The run
 * directory records each model's content fingerprint, and a resume with a model whose files changed
 * (retrained weights at the same path) is refused before any work.
 *
 * <p>A run can cover one {@link Shard} of the examples ({@code gvgap run --shard i/n}); each example
 * keeps its position in the unsharded list, so {@code RunMerger} can put the shards back together
 * into exactly the run an unsharded pipeline would have written.
 */
public final class RunPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(RunPipeline.class);

  private final PluginRegistry registry;
  private final Progress progress;
  private final String gvgapVersion;
  private final List<RunObserver> observers;

  /**
   * @param registry the discovered plugins
   * @param progress where long work reports progress
   * @param gvgapVersion recorded in {@code run.json}
   */
  public RunPipeline(PluginRegistry registry, Progress progress, String gvgapVersion) {
    this(registry, progress, gvgapVersion, List.of());
  }

  /**
   * @param registry the discovered plugins
   * @param progress where long work reports progress
   * @param gvgapVersion recorded in {@code run.json}
   * @param observers receive each stored batch (e.g. the sample index)
   */
  public RunPipeline(
      PluginRegistry registry,
      Progress progress,
      String gvgapVersion,
      List<RunObserver> observers) {
    this.registry = registry;
    this.progress = progress;
    this.gvgapVersion = gvgapVersion;
    this.observers = List.copyOf(observers);
  }

  /**
   * Runs (or resumes) the spec.
   *
   * @param spec the resolved spec
   * @param specSource the spec as the user wrote it, kept in the run directory
   */
  public RunResult run(ResolvedRunSpec spec, String specSource) {
    return run(spec, specSource, Shard.whole());
  }

  /**
   * Runs (or resumes) one shard of the spec: of each task's examples (in the order an unsharded run
   * takes them) only those the shard {@linkplain Shard#includes includes}.
   *
   * @param spec the resolved spec (its output is this shard's own run directory)
   * @param specSource the spec as the user wrote it, kept in the run directory
   * @param shard the slice to run; {@link Shard#whole()} runs everything
   */
  public RunResult run(ResolvedRunSpec spec, String specSource, Shard shard) {
    String pluginsJson;
    try {
      pluginsJson =
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(registry.all());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (RunStore store = RunStore.openOrCreate(
        spec.output(),
        spec.name(),
        ResolvedSpecWriter.toJson(spec),
        specSource,
        pluginsJson,
        gvgapVersion,
        shard,
        modelFingerprints(spec))) {
      if (store.resumed()) {
        LOG.info(
            "resuming run '{}' in {} (attempt {})",
            spec.name(),
            spec.output(),
            store.info().attempts());
      }
      try {
        StageTimes times = new StageTimes();
        long[] counts = execute(spec, store, shard, times);
        long metricsStart = System.nanoTime();
        RunMetrics metrics = computeMetrics(spec);
        store.writeMetrics(metrics);
        times.add("metrics", System.nanoTime() - metricsStart);
        long finishStart = System.nanoTime();
        observers.forEach(o -> o.runFinished(spec.output()));
        times.add("observers", System.nanoTime() - finishStart);
        store.finish(RunStatus.SUCCESS, null);
        LOG.info("run '{}' time by stage: {}", spec.name(), times.describe());
        return new RunResult(spec.output(), store.resumed(), counts[0], counts[1], metrics, times);
      } catch (RuntimeException | Error e) {
        store.finish(RunStatus.ERROR, String.valueOf(e.getMessage()));
        throw e;
      } finally {
        observers.forEach(RunObserver::close);
      }
    }
  }

  /**
   * The content fingerprint of each model of the spec whose backend reports one (see
   * {@link ModelBackend#contentFingerprint}), in the spec's order: what {@code run.json} records and
   * what a resume is checked against.
   */
  public List<ModelFingerprint> modelFingerprints(ResolvedRunSpec spec) {
    List<ModelFingerprint> fingerprints = new ArrayList<>();
    JsonNode modelNodes = ResolvedSpecWriter.toTree(spec).get("models");
    for (int i = 0; i < spec.models().size(); i++) {
      ResolvedModel model = spec.models().get(i);
      ModelBackend<Record> typed = registry.backends().forOptions(model.backend(), model.options());
      long start = System.nanoTime();
      Optional<String> fingerprint = typed.contentFingerprint(model.options());
      if (fingerprint.isPresent()) {
        LOG.debug(
            "model '{}' fingerprinted in {} ms",
            model.label(),
            (System.nanoTime() - start) / 1_000_000);
        String source = model.backend() + " " + modelNodes.get(i).get("options");
        fingerprints.add(new ModelFingerprint(model.label(), source, fingerprint.get()));
      }
    }
    return fingerprints;
  }

  /** Builds the metrics of a run directory of this spec (also used to re-render reports). */
  public RunMetrics computeMetrics(ResolvedRunSpec spec) {
    List<String> verifierLabels =
        spec.verifiers().stream().map(ResolvedComponent::label).toList();
    List<String> filterLabels =
        spec.filters().stream().map(ResolvedComponent::label).toList();
    MetricsSettings settings = new MetricsSettings(
        spec.metrics().bootstrap(),
        spec.metrics().confidence(),
        spec.seed(),
        spec.metrics().passAtK(),
        EmptyKeptPolicy.valueOf(spec.metrics().emptyKept().toUpperCase(Locale.ROOT)));
    try (ProgressTask task = progress.start("metrics", -1, "groups")) {
      RunMetrics metrics = new RunMetricsCalculator(verifierLabels, filterLabels, settings)
          .compute(spec.output(), spec.name());
      task.step(metrics.groups().size());
      return metrics;
    }
  }

  private long[] execute(ResolvedRunSpec spec, RunStore store, Shard shard, StageTimes times) {
    Map<String, Task> tasks = new LinkedHashMap<>();
    for (ResolvedTask t : spec.tasks()) {
      tasks.put(t.label(), registry.tasks().create(t.name(), t.options()));
    }
    Map<String, Verifier> verifiers = new LinkedHashMap<>();
    for (ResolvedComponent v : spec.verifiers()) {
      verifiers.put(v.label(), registry.verifiers().create(v.name(), v.options()));
    }
    List<LabeledFilter> filters = new ArrayList<>();
    for (ResolvedComponent f : spec.filters()) {
      FilterStrategy strategy = registry.filters().create(f.name(), f.options());
      filters.add(new LabeledFilter(f.label(), strategy));
    }
    long generated = 0;
    long verified = 0;
    for (ResolvedModel modelSpec : spec.models()) {
      try (LanguageModel generator = open(modelSpec, times)) {
        LanguageModel judge = generator;
        LanguageModel separateJudge = null;
        if (spec.verifierModel() != null && !spec.verifierModel().equals(modelSpec.label())) {
          ResolvedModel judgeSpec = spec.models().stream()
              .filter(m -> m.label().equals(spec.verifierModel()))
              .findFirst()
              .orElseThrow();
          separateJudge = open(judgeSpec, times);
          judge = separateJudge;
        }
        try {
          for (ResolvedTask taskSpec : spec.tasks()) {
            long[] c = runTask(
                spec,
                store,
                shard,
                modelSpec.label(),
                generator,
                judge,
                taskSpec,
                tasks.get(taskSpec.label()),
                verifiers,
                filters,
                times);
            generated += c[0];
            verified += c[1];
          }
        } finally {
          if (separateJudge != null) {
            separateJudge.close();
          }
        }
      }
    }
    return new long[] {generated, verified};
  }

  /** Adds the time since {@code start} to {@code stage}; returns now, the next stage's start. */
  private static long lap(StageTimes times, String stage, long start) {
    long now = System.nanoTime();
    times.add(stage, now - start);
    return now;
  }

  private LanguageModel open(ResolvedModel m, StageTimes times) {
    LOG.info("opening model '{}' with backend '{}'", m.label(), m.backend());
    long start = System.nanoTime();
    LanguageModel model = registry.backends().create(m.backend(), m.options());
    times.add("model loading", System.nanoTime() - start);
    return model;
  }

  private long[] runTask(
      ResolvedRunSpec spec,
      RunStore store,
      Shard shard,
      String modelLabel,
      LanguageModel generator,
      LanguageModel judge,
      ResolvedTask taskSpec,
      Task task,
      Map<String, Verifier> verifiers,
      List<LabeledFilter> filters,
      StageTimes times) {
    List<Example> allExamples =
        task.examples(new ExampleRequest(taskSpec.limit(), taskSpec.seed()));
    List<Example> examples = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < allExamples.size(); i++) {
      Example e = allExamples.get(i);
      if (!ids.add(e.id())) {
        throw new PipelineException("task '" + taskSpec.label() + "' returned example id '" + e.id()
            + "' twice; example ids must be unique");
      }
      if (!shard.includes(i)) {
        continue;
      }
      examples.add(e);
      // the position in the unsharded list, so that reports and merges keep the unsharded order
      store.appendExample(new ExampleRecord(
          taskSpec.label(),
          e.id(),
          i,
          e.question(),
          e.reference(),
          task.generationPrompt(e).text(),
          e.metadata()));
    }
    var g = spec.generation();
    SamplingParams params =
        new SamplingParams(g.temperature(), g.topP(), g.topK(), g.maxTokens(), spec.seed());
    GenerationStage generation = new GenerationStage(
        modelLabel, generator, taskSpec.label(), task, g.samples(), params, store);
    List<VerificationStage> verification = new ArrayList<>();
    List<String> verifierLabels = List.copyOf(verifiers.keySet());
    List<String> earlier = new ArrayList<>();
    for (Map.Entry<String, Verifier> v : verifiers.entrySet()) {
      long verifierSeed = spec.seed() * 31 + v.getKey().hashCode();
      verification.add(new VerificationStage(
          modelLabel,
          taskSpec.label(),
          task,
          v.getKey(),
          v.getValue(),
          judge,
          verifierSeed,
          store,
          earlier));
      earlier.add(v.getKey());
    }
    FilteringStage filtering = new FilteringStage(
        modelLabel, taskSpec.label(), List.copyOf(verifiers.keySet()), filters, spec.seed(), store);
    long generated = 0;
    long verified = 0;
    String where = modelLabel + " / " + taskSpec.label();
    // one bar per model and task: generated samples and finished verifications both count as steps
    long total = (long) examples.size() * g.samples() + (long) examples.size() * verifiers.size();
    try (ProgressTask bar = progress.start(where + " (generate + verify)", total, "steps")) {
      for (int start = 0; start < examples.size(); start += g.batchExamples()) {
        List<Example> batch =
            examples.subList(start, Math.min(examples.size(), start + g.batchExamples()));
        BatchRecords records =
            BatchRecords.start(store.storedRecords(), modelLabel, taskSpec.label(), batch);
        long stageStart = System.nanoTime();
        List<SampleRecord> samples = generation.run(batch, records, bar);
        store.sync();
        records.addSamples(samples);
        generated += samples.size();
        stageStart = lap(times, "generation", stageStart);
        for (int v = 0; v < verification.size(); v++) {
          List<ScoreRecord> scores = verification.get(v).run(batch, records, bar);
          store.sync();
          records.addScores(scores);
          verified += scores.size();
          stageStart = lap(times, "verify " + verifierLabels.get(v), stageStart);
        }
        records.addWeights(filtering.run(batch, records));
        store.sync();
        stageStart = lap(times, "filtering", stageStart);
        for (RunObserver observer : observers) {
          observer.batchStored(store.directory(), records.allSamples(), records.allScores());
        }
        lap(times, "observers", stageStart);
      }
    }
    return new long[] {generated, verified};
  }
}
