package io.gvgap.launcher;

import io.gvgap.core.launch.RunExecutor;
import io.gvgap.core.merge.MergeResult;
import io.gvgap.core.merge.RunMerger;
import io.gvgap.core.pipeline.RunPipeline;
import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.store.ModelFingerprint;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.Shard;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place a {@link RunPipeline} or a {@link RunMerger} is built: with the discovered plugins,
 * the run observers found as services (new ones for every run), the caller's progress display and
 * {@link GvgapVersion}. Everything else that needs a run, or the metrics of a run directory, gets
 * this class as a {@link RunExecutor}.
 */
final class RunAssembler implements RunExecutor {

  private final PluginRegistry registry;
  private final RunObservers observers;
  private final Progress progress;
  private final String version;

  RunAssembler(PluginRegistry registry, RunObservers observers, Progress progress, String version) {
    this.registry = registry;
    this.observers = observers;
    this.progress = progress;
    this.version = version;
  }

  /** The same assembly with another progress display. */
  RunAssembler withProgress(Progress other) {
    return new RunAssembler(registry, observers, other, version);
  }

  @Override
  public RunResult run(ResolvedRunSpec spec, String specSource) {
    return run(spec, specSource, Shard.whole());
  }

  /** Runs (or resumes) one shard of {@code spec} with a new set of observers. */
  RunResult run(ResolvedRunSpec spec, String specSource, Shard shard) {
    return new RunPipeline(registry, progress, version, observers.create())
        .run(spec, specSource, shard);
  }

  @Override
  public RunMetrics metrics(ResolvedRunSpec spec) {
    return new RunPipeline(registry, progress, version).computeMetrics(spec);
  }

  @Override
  public List<ModelFingerprint> modelFingerprints(ResolvedRunSpec spec) {
    return new RunPipeline(registry, progress, version).modelFingerprints(spec);
  }

  /** Merges shard run directories into {@code output}, observed like a run. */
  MergeResult merge(Path output, List<Path> shardDirectories) {
    return new RunMerger(registry, this, progress, version, observers.create())
        .merge(output, shardDirectories);
  }
}
