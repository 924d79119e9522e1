package io.gvgap.core.merge;

import io.gvgap.core.launch.RunExecutor;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.pipeline.RunObserver;
import io.gvgap.core.pipeline.RunPipeline;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.progress.ProgressTask;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedSpecWriter;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.MergedShard;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.Shard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Merges the run directories of the shards of one spec ({@code gvgap run SPEC --shard i/n} for
 * every {@code i}) into one ordinary run directory, the one an unsharded run would have written.
 *
 * <p>The shards are checked first (one spec, one {@code n}, every shard once, every shard
 * finished). The merged directory then gets the resolved spec (with the merge's output),
 * the first shard's {@code spec-source.yaml} and {@code plugins.json}, and the records in the order
 * an unsharded pipeline appends them: examples by task and position; samples by model, task,
 * position and sample index; scores by model, task, batch of {@code generation.batch_examples}
 * positions, verifier and position; weights by model, task, batch, position, verifier and filter. The
 * metrics are recomputed with the pipeline's own code and
 * settings ({@link RunExecutor#metrics}, which the launcher answers with
 * {@link RunPipeline#computeMetrics}), so bootstrap intervals see the same seed and prompt order as
 * an unsharded run. The observers (e.g. the Lucene sample index) receive the records batch by batch
 * as if the pipeline were writing them, then {@code runFinished}.
 *
 * <p>The merged directory must be new or empty; {@code run.json} records the shards it came from
 * and says {@code STARTED} until the merge has finished.
 */
public final class RunMerger {

  private final PluginRegistry registry;
  private final RunExecutor executor;
  private final Progress progress;
  private final String gvgapVersion;
  private final List<RunObserver> observers;

  /**
   * @param registry the plugins (to read the spec back)
   * @param executor computes the merged run's metrics, as for any run
   * @param progress where the merge reports progress
   * @param gvgapVersion recorded in {@code run.json}
   * @param observers receive the merged records batch by batch, as from a pipeline
   */
  public RunMerger(
      PluginRegistry registry,
      RunExecutor executor,
      Progress progress,
      String gvgapVersion,
      List<RunObserver> observers) {
    this.registry = registry;
    this.executor = executor;
    this.progress = progress;
    this.gvgapVersion = gvgapVersion;
    this.observers = List.copyOf(observers);
  }

  /**
   * Merges {@code shardDirectories} (in any order) into {@code output}.
   *
   * @throws RunStoreException naming the directory at fault and what to do when the shards do not
   *     form one complete, finished run, or {@code output} is not new or empty
   */
  public MergeResult merge(Path output, List<Path> shardDirectories) {
    List<ShardRun> shards =
        ShardSetCheck.check(shardDirectories.stream().map(ShardRun::open).toList());
    checkOutput(output, shards);
    ShardRun first = shards.get(0);
    RunDirectory firstRun = RunDirectory.open(first.directory());
    ResolvedRunSpec spec = firstRun.resolvedSpec(registry).withOutput(output);
    ShardRecords records = ShardRecords.read(shards);
    List<MergedShard> merged = shards.stream()
        .map(s -> new MergedShard(
            s.shard(),
            s.directory().toAbsolutePath().normalize().toString(),
            s.info().specHash(),
            s.info().attempts()))
        .toList();
    try (RunStore store = RunStore.openOrCreate(
        output,
        spec.name(),
        ResolvedSpecWriter.toJson(spec),
        firstRun.specSourceText(),
        firstRun.pluginsText(),
        gvgapVersion,
        Shard.whole(),
        ShardSetCheck.mergedModels(shards))) {
      store.recordMergedFrom(merged);
      try {
        long[] counts = write(spec, records, store);
        RunMetrics metrics = executor.metrics(spec);
        store.writeMetrics(metrics);
        observers.forEach(o -> o.runFinished(output));
        store.finish(RunStatus.SUCCESS, null);
        return new MergeResult(output, merged, counts[0], counts[1], metrics);
      } catch (RuntimeException | Error e) {
        store.finish(RunStatus.ERROR, String.valueOf(e.getMessage()));
        throw e;
      } finally {
        observers.forEach(RunObserver::close);
      }
    }
  }

  /** Appends every record in unsharded order; returns {examples, samples}. */
  private long[] write(ResolvedRunSpec spec, ShardRecords records, RunStore store) {
    List<List<ExampleRecord>> examplesPerTask = new ArrayList<>();
    long exampleCount = 0;
    for (ResolvedTask task : spec.tasks()) {
      List<ExampleRecord> examples = records.examples(task.label());
      examples.forEach(store::appendExample);
      examplesPerTask.add(examples);
      exampleCount += examples.size();
    }
    int samplesPerExample = spec.generation().samples();
    int batchSize = spec.generation().batchExamples();
    long sampleCount = 0;
    try (ProgressTask bar = progress.start(
        "merge", exampleCount * spec.models().size() * samplesPerExample, "samples")) {
      for (ResolvedModel model : spec.models()) {
        for (int t = 0; t < spec.tasks().size(); t++) {
          String task = spec.tasks().get(t).label();
          List<ExampleRecord> examples = examplesPerTask.get(t);
          for (int start = 0; start < examples.size(); start += batchSize) {
            List<ExampleKey> batch =
                examples.subList(start, Math.min(examples.size(), start + batchSize)).stream()
                    .map(e -> new ExampleKey(model.label(), task, e.exampleId()))
                    .toList();
            List<SampleRecord> batchSamples = new ArrayList<>();
            for (ExampleKey key : batch) {
              List<SampleRecord> samples = records.samples(key, samplesPerExample);
              store.appendSamples(samples);
              batchSamples.addAll(samples);
            }
            List<ScoreRecord> batchScores = new ArrayList<>();
            for (ResolvedComponent verifier : spec.verifiers()) {
              for (ExampleKey key : batch) {
                ScoreRecord scores = records.scores(key, verifier.label());
                store.appendScores(scores);
                batchScores.add(scores);
              }
            }
            for (ExampleKey key : batch) {
              for (ResolvedComponent verifier : spec.verifiers()) {
                for (ResolvedComponent filter : spec.filters()) {
                  store.appendWeights(
                      records.weights(key, new StrategyKey(verifier.label(), filter.label())));
                }
              }
            }
            store.sync();
            for (RunObserver observer : observers) {
              observer.batchStored(store.directory(), batchSamples, batchScores);
            }
            sampleCount += batchSamples.size();
            bar.step(batchSamples.size());
          }
        }
      }
    }
    return new long[] {exampleCount, sampleCount};
  }

  private static void checkOutput(Path output, List<ShardRun> shards) {
    Path target = output.toAbsolutePath().normalize();
    for (ShardRun shard : shards) {
      if (shard.directory().toAbsolutePath().normalize().equals(target)) {
        throw new RunStoreException("the merge's output " + output + " is one of the shards, "
            + shard.describe() + "; choose a new directory for the merged run");
      }
    }
    if (Files.isDirectory(output)) {
      try (Stream<Path> entries = Files.list(output)) {
        if (entries.findAny().isPresent()) {
          String what = RunDirectory.isRunDirectory(output)
              ? RunStore.readInfo(output).mergedFrom() != null
                  ? " (it holds an earlier merge; delete it to merge" + " again)"
                  : " (it holds a run)"
              : "";
          throw new RunStoreException(output + " exists and is not empty" + what
              + "; merge writes a new run" + " directory: choose a new or empty directory, e.g. "
              + output.resolve("merged"));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + output, e);
      }
    } else if (Files.exists(output)) {
      throw new RunStoreException(output
          + " exists and is not a directory; choose a new directory for the merged" + " run");
    }
  }
}
