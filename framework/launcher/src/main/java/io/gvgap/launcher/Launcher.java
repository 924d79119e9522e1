package io.gvgap.launcher;

import io.gvgap.core.launch.RunExecutor;
import io.gvgap.core.merge.MergeResult;
import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.GridFile;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.results.ScalingModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.store.DirectoryLock;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.Shard;
import io.gvgap.onnx.train.ProgressListener;
import io.gvgap.reports.RunData;
import io.gvgap.reports.RunReports;
import io.gvgap.studies.CrossVerification;
import io.gvgap.studies.ImproveSpec;
import io.gvgap.studies.ImprovementStudy;
import io.gvgap.studies.ScalingSpec;
import io.gvgap.studies.ScalingStudy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Assembles every gvgap run: each command of {@code gvgap} and each Maven goal maps its arguments onto
 * one of these methods, so that a run directory holds the same artefacts whichever started it (the
 * run store's records and metrics, the observers' artefacts such as the Lucene sample index and
 * {@code diversity.json}, and {@code report.html}).
 *
 * <pre>{@code
 * Launcher launcher = Launcher.create(PluginRegistry.load(classLoader), Progress.NONE);
 * RunResult result = launcher.evaluate(resolvedSpec, specText);   // run + RUN_DIR/report.html
 * }</pre>
 */
public final class Launcher {

  /** The report's file name in a run (or study) directory. */
  public static final String REPORT_FILE = "report.html";

  private final PluginRegistry registry;
  private final RunObservers observers;
  private final RunAssembler assembler;

  private Launcher(PluginRegistry registry, RunObservers observers, Progress progress) {
    this.registry = registry;
    this.observers = observers;
    this.assembler = new RunAssembler(registry, observers, progress, GvgapVersion.current());
  }

  /**
   * A launcher over the given plugins; the run observers are discovered in the registry's class
   * loader.
   *
   * @param registry the discovered plugins
   * @param progress where long work reports progress
   */
  public static Launcher create(PluginRegistry registry, Progress progress) {
    return new Launcher(registry, RunObservers.discover(registry.classLoader()), progress);
  }

  /** The plugins this launcher runs with. */
  public PluginRegistry registry() {
    return registry;
  }

  /** The run observers every run gets. */
  public RunObservers observers() {
    return observers;
  }

  /** Runs as this launcher assembles them, for code that needs a run as one step of its own work. */
  public RunExecutor executor() {
    return assembler;
  }

  /** Runs (or resumes) {@code spec} and writes its report; see {@link #evaluate(ResolvedRunSpec, String, Shard)}. */
  public RunResult evaluate(ResolvedRunSpec spec, String specSource) {
    return evaluate(spec, specSource, Shard.whole());
  }

  /**
   * Runs (or resumes) one shard of {@code spec} into {@code spec.output()}, then writes the run's
   * {@code report.html} there.
   *
   * @param spec the resolved spec (for a shard, its output is the shard's own directory)
   * @param specSource the spec as the user wrote it, kept in the run directory
   * @param shard the slice to run; {@link Shard#whole()} runs everything
   */
  public RunResult evaluate(ResolvedRunSpec spec, String specSource, Shard shard) {
    RunResult result = assembler.run(spec, specSource, shard);
    report(List.of(result.directory()), result.directory().resolve(REPORT_FILE));
    return result;
  }

  /**
   * Merges the run directories of the shards of one spec into {@code output} (new or empty), as an
   * unsharded run would have written it, then writes its {@code report.html}.
   */
  public MergeResult merge(Path output, List<Path> shardDirectories) {
    MergeResult result = assembler.merge(output, shardDirectories);
    report(List.of(result.directory()), result.directory().resolve(REPORT_FILE));
    return result;
  }

  /**
   * Writes one report of {@code runDirectories} (side by side when several) to {@code outFile}. A run
   * without {@code metrics.json} gets metrics computed over its complete examples (no progress shown)
   * and is marked partial.
   *
   * @return the runs as reported, each with its partial reasons
   * @throws IllegalArgumentException when {@code runDirectories} is empty
   * @throws IllegalArgumentException when {@code outFile} is one of a run's records, a directory, or
   *     an existing file that is not an HTML report
   */
  public List<RunData> report(List<Path> runDirectories, Path outFile) {
    return RunReports.write(runDirectories, outFile);
  }

  /**
   * A cross-verification grid: every model of {@code spec} judges every model's samples. One run per
   * judge ({@code judge-LABEL} in {@code spec.output()}, resumable like any run, each with its own
   * report), then {@code grid.json} and {@code report.html} with the grid section in
   * {@code spec.output()}.
   *
   * @param spec a resolved run spec with at least two models and no {@code verification.model}
   * @param specSource the spec as the user wrote it
   */
  public GridFile grid(ResolvedRunSpec spec, String specSource) {
    List<String> judges = CrossVerification.judges(spec);
    List<Path> directories = new ArrayList<>();
    List<RunMetrics> metrics = new ArrayList<>();
    for (String judge : judges) {
      RunResult result = evaluate(CrossVerification.judgeSpec(spec, judge), specSource);
      directories.add(result.directory());
      metrics.add(result.metrics());
    }
    GridFile grid = CrossVerification.collect(spec.name(), judges, directories, metrics);
    CrossVerification.write(spec.output(), grid);
    report(directories, spec.output().resolve(REPORT_FILE));
    return grid;
  }

  /**
   * A scaling study: checks every model's pre-training FLOPs first, runs (or resumes) the family,
   * fits each strategy against log10 FLOPs into {@code scaling.json} and writes the run's report.
   *
   * @param scaling the scaling settings
   * @param spec the resolved run over the family
   * @param specSource the spec as the user wrote it
   */
  public ScalingFile scale(ScalingSpec scaling, ResolvedRunSpec spec, String specSource) {
    List<ScalingModel> models = ScalingStudy.flops(scaling, spec);
    RunResult result = assembler.run(spec, specSource);
    double confidence =
        scaling.confidence() != null ? scaling.confidence() : spec.metrics().confidence();
    ScalingFile fits = ScalingStudy.analyse(
        spec.name(),
        result.directory(),
        result.metrics(),
        models,
        confidence,
        ScalingStudy.oracleLabel(spec));
    report(List.of(result.directory()), result.directory().resolve(REPORT_FILE));
    return fits;
  }

  /**
   * Self-improvement rounds into {@code base.output()}: each round's evaluation is a run assembled
   * here; then the study's report of every round, {@code STUDY_DIR/report.html}.
   *
   * @param spec the improvement settings
   * @param base the resolved run part (its single model is round 0's)
   * @param specSource the spec as the user wrote it
   * @param log receives one line per stage
   * @param training receives every distillation step
   * @throws io.gvgap.core.store.DirectoryLockedException when another process is running a study in
   *     {@code base.output()}
   */
  public RoundsFile improve(
      ImproveSpec spec,
      ResolvedRunSpec base,
      String specSource,
      Consumer<String> log,
      ProgressListener training) {
    // the study directory is locked for the study's life (each round's run directory by its own run
    // as well),
    // so a second 'gvgap improve' of the same spec cannot distil into the same round models
    ImprovementStudy.check(spec, base);
    try (DirectoryLock lock =
        DirectoryLock.acquire(base.output(), "gvgap improve '" + base.name() + "'")) {
      ImprovementStudy study =
          new ImprovementStudy(registry, assembler, log, training, spec.dedup().deduplicator());
      RoundsFile rounds = study.run(spec, base, specSource);
      // both arms' rounds; the control arm's round 0 is the self-verified arm's
      List<Path> runDirs = Stream.concat(rounds.rounds().stream(), rounds.controlRounds().stream())
          .map(RoundRecord::runDirectory)
          .distinct()
          .map(Path::of)
          .toList();
      report(runDirs, base.output().resolve(REPORT_FILE));
      return rounds;
    }
  }
}
