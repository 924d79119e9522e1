package io.gvgap.reports;

import io.gvgap.core.launch.RunExecutor;
import io.gvgap.core.pipeline.RunPipeline;
import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.store.ModelFingerprint;
import io.gvgap.core.store.RunMetrics;
import java.util.List;

/**
 * A {@link RunExecutor} for this module's tests, which cannot see the launcher (it depends on this
 * module): the bare pipeline, no observers, version {@code test}.
 */
final class PipelineExecutor implements RunExecutor {

  private final RunPipeline pipeline;

  PipelineExecutor(PluginRegistry registry) {
    this.pipeline = new RunPipeline(registry, Progress.NONE, "test");
  }

  @Override
  public RunResult run(ResolvedRunSpec spec, String specSource) {
    return pipeline.run(spec, specSource);
  }

  @Override
  public RunMetrics metrics(ResolvedRunSpec spec) {
    return pipeline.computeMetrics(spec);
  }

  @Override
  public List<ModelFingerprint> modelFingerprints(ResolvedRunSpec spec) {
    return pipeline.modelFingerprints(spec);
  }
}
