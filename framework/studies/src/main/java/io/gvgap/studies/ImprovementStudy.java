package io.gvgap.studies;

import io.gvgap.core.launch.RunExecutor;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.DistillationRecord;
import io.gvgap.core.results.DistillationSettings;
import io.gvgap.core.results.DiversitySummary;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundTaskMetrics;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.results.UpdateRule;
import io.gvgap.core.spec.MetricsSettingsSpec;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.index.Diversity;
import io.gvgap.index.DuplicateDetector;
import io.gvgap.onnx.OnnxBackend;
import io.gvgap.onnx.train.DistillRunner;
import io.gvgap.onnx.train.ProgressListener;
import io.gvgap.onnx.train.TrainerOptions;
import io.gvgap.onnx.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Iterative self-improvement: round t evaluates model t (a normal run into
 * {@code STUDY_DIR/round-t/}), keeps the samples that the chosen (verifier, filter) strategy keeps,
 * removes duplicates, writes them as an SFT set ({@code STUDY_DIR/sft/round-t.jsonl}) and distils
 * them into model t+1 ({@code STUDY_DIR/models/round-(t+1)/}). Per-round metrics go to
 * {@code STUDY_DIR/rounds.json} after every stage.
 *
 * <p>Every stage is idempotent, so rerunning after a crash resumes: a finished round (run status
 * success with metrics) is read rather than rerun, an unfinished one resumes through the run
 * store, a finished distillation (model card written, no checkpoint left) is skipped and an
 * unfinished one resumes from its last checkpoint. The SFT set is recomputed from the round's run
 * directory, which gives the same file. A round whose model's files changed since its run (a
 * retrained base model at the same path) is refused, finished or not, rather than reused.
 *
 * <p>The rounds' runs are not assembled here: the study is given a {@link RunExecutor} (the
 * launcher's), so a round's run directory holds what every other run directory holds.
 */
public final class ImprovementStudy {

  private final PluginRegistry registry;
  private final RunExecutor runs;
  private final Consumer<String> log;
  private final ProgressListener trainingProgress;
  private final SampleDeduplicator deduplicator;

  /**
   * @param registry the plugins
   * @param runs runs each round's evaluation
   * @param log receives one line per stage
   * @param trainingProgress receives every distillation step
   * @param deduplicator how the SFT set's duplicates are removed
   */
  public ImprovementStudy(
      PluginRegistry registry,
      RunExecutor runs,
      Consumer<String> log,
      ProgressListener trainingProgress,
      SampleDeduplicator deduplicator) {
    this.registry = registry;
    this.runs = runs;
    this.log = log;
    this.trainingProgress = trainingProgress;
    this.deduplicator = deduplicator;
  }

  /**
   * Runs (or resumes) the study in {@code base.output()}.
   *
   * @param spec the improvement settings
   * @param base the resolved run part; its single model is round 0's model
   * @param specSource the spec as written, kept in each round's run directory
   * @return what {@code rounds.json} holds at the end
   */
  public RoundsFile run(ImproveSpec spec, ResolvedRunSpec base, String specSource) {
    check(spec, base);
    Path studyDir = base.output();
    ResolvedModel baseModel = base.models().get(0);
    OnnxBackend.Options baseOptions = (OnnxBackend.Options) baseModel.options();
    KeptSampleSelector selector = new KeptSampleSelector(spec.verifier(), spec.filter());
    List<RoundRecord> rounds = new ArrayList<>();
    String modelPath = baseOptions.path().toString();
    for (int t = 0; t <= spec.rounds(); t++) {
      Path runDir = studyDir.resolve("round-" + t);
      ResolvedRunSpec roundSpec = roundSpec(base, t, modelPath, runDir);
      RunMetrics metrics;
      if (StudyFiles.runFinished(runDir)) {
        // a finished round is reused without opening its store, so its model is checked here
        RunStore.checkModels(runDir, runs.modelFingerprints(roundSpec));
        log.accept("round " + t + ": evaluation already finished in " + runDir);
        metrics = StudyFiles.metrics(runDir);
      } else {
        log.accept("round " + t + ": evaluating " + modelPath + " into " + runDir);
        metrics = runs.run(roundSpec, specSource).metrics();
      }
      List<RoundTaskMetrics> taskMetrics = taskMetrics(runDir, baseModel.label(), metrics);
      rounds.add(new RoundRecord(t, modelPath, runDir.toString(), taskMetrics, null));
      write(studyDir, spec, rounds, false);
      if (t == spec.rounds()) {
        break;
      }
      Path nextModel = studyDir.resolve("models").resolve("round-" + (t + 1));
      String fromModel =
          spec.update() == UpdateRule.CONTINUE ? modelPath : baseOptions.path().toString();
      DistillationRecord distillation = distill(
          spec,
          selector,
          base,
          baseModel.label(),
          runDir,
          t,
          Path.of(fromModel),
          nextModel,
          studyDir);
      rounds.set(t, new RoundRecord(t, modelPath, runDir.toString(), taskMetrics, distillation));
      write(studyDir, spec, rounds, false);
      modelPath = nextModel.toString();
    }
    return write(studyDir, spec, rounds, true);
  }

  private DistillationRecord distill(
      ImproveSpec spec,
      KeptSampleSelector selector,
      ResolvedRunSpec base,
      String modelLabel,
      Path runDir,
      int t,
      Path fromModel,
      Path nextModel,
      Path studyDir) {
    List<KeptSample> kept = new ArrayList<>();
    for (ResolvedTask task : base.tasks()) {
      kept.addAll(selector.select(RunDirectoryContents.read(runDir, modelLabel, task.label())));
    }
    List<KeptSample> distinct = deduplicator.deduplicate(kept);
    double keptAccuracy =
        distinct.stream().mapToDouble(KeptSample::utility).average().orElse(Double.NaN);
    Path sftSet = studyDir.resolve("sft").resolve("round-" + t + ".jsonl");
    if (distinct.isEmpty()) {
      throw new StudyException("round " + t + ": strategy " + spec.verifier() + "/" + spec.filter()
          + " kept no sample of " + runDir
          + ", so there is nothing to distil; choose a filter that keeps more"
          + " (e.g. a larger quantile alpha) or a verifier that parses on this model");
    }
    if (StudyFiles.modelFinished(nextModel)) {
      log.accept("round " + t + ": distillation into " + nextModel + " already finished");
    } else {
      SftSetWriter.write(sftSet, distinct);
      DistillationSettings d = spec.distillation();
      TrainerOptions options = new TrainerOptions(
          d.batch(),
          d.steps(),
          d.learningRate(),
          Math.max(1, d.steps() / 10),
          0.1,
          1.0,
          d.seed(),
          d.checkpointEvery(),
          0,
          "cpu");
      log.accept("round " + t + ": distilling " + distinct.size() + " distinct kept samples (of "
          + kept.size() + ") from " + fromModel + " into " + nextModel + ", " + d.steps()
          + " steps");
      try {
        TrainingResult result =
            DistillRunner.run(fromModel, sftSet, nextModel, options, trainingProgress);
        if (result.resumedFromStep() > 0) {
          log.accept("round " + t + ": distillation resumed from step " + result.resumedFromStep());
        }
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new StudyException(
            "round " + t + ": distillation into " + nextModel + " failed: " + e.getMessage(), e);
      }
    }
    var card = StudyFiles.modelCard(nextModel);
    return new DistillationRecord(
        fromModel.toString(),
        nextModel.toString(),
        sftSet.toString(),
        kept.size(),
        distinct.size(),
        deduplicator.name(),
        keptAccuracy,
        (long) StudyFiles.orNaN(card.steps()),
        (long) StudyFiles.orNaN(card.tokensSeen()),
        StudyFiles.orNaN(card.finalLoss()));
  }

  /** Round t's run: the base spec with round t's model, its own directory and pass@k for k = 1..N. */
  static ResolvedRunSpec roundSpec(ResolvedRunSpec base, int t, String modelPath, Path runDir) {
    ResolvedModel baseModel = base.models().get(0);
    OnnxBackend.Options o = (OnnxBackend.Options) baseModel.options();
    ResolvedModel model = new ResolvedModel(
        baseModel.label(),
        baseModel.backend(),
        new OnnxBackend.Options(Path.of(modelPath), o.threads(), o.device(), o.maxBatchRows()));
    MetricsSettingsSpec m = base.metrics();
    List<Integer> allK =
        IntStream.rangeClosed(1, base.generation().samples()).boxed().toList();
    MetricsSettingsSpec metrics =
        new MetricsSettingsSpec(m.bootstrap(), m.confidence(), allK, m.emptyKept());
    return new ResolvedRunSpec(
        base.name() + "-round-" + t,
        runDir,
        base.seed(),
        List.of(model),
        base.tasks(),
        base.generation(),
        base.verifierModel(),
        base.verifiers(),
        base.filters(),
        metrics);
  }

  private static List<RoundTaskMetrics> taskMetrics(
      Path runDir, String modelLabel, RunMetrics metrics) {
    List<RoundTaskMetrics> result = new ArrayList<>();
    for (GroupResult g : metrics.groups()) {
      if (g.metrics() == null) {
        continue;
      }
      List<SampleRecord> samples = new ArrayList<>();
      RunDirectoryContents.read(runDir, modelLabel, g.task())
          .samples()
          .values()
          .forEach(samples::addAll);
      DiversitySummary diversity =
          Diversity.summary(modelLabel, g.task(), samples, DuplicateDetector.withDefaults());
      result.add(new RoundTaskMetrics(
          g.task(),
          g.metrics().prompts(),
          g.metrics().accuracy(),
          g.metrics().coverage(),
          g.metrics().passAtK(),
          g.metrics().strategies(),
          diversity));
    }
    return result;
  }

  private static RoundsFile write(
      Path studyDir, ImproveSpec spec, List<RoundRecord> rounds, boolean complete) {
    RoundsFile file = new RoundsFile(
        spec.run().name(),
        spec.verifier(),
        spec.filter(),
        spec.update(),
        spec.distillation(),
        complete,
        List.copyOf(rounds));
    StudyFiles.writeJson(studyDir.resolve(RoundsFile.FILE), file);
    return file;
  }

  /**
   * Checks that the study can run on {@code base} (one model of the onnx backend, the strategy among the
   * spec's labels) before anything is written.
   *
   * @throws StudyException saying what is wrong and what to do
   */
  public static void check(ImproveSpec spec, ResolvedRunSpec base) {
    String where = spec.run().file().toString();
    if (base.models().size() != 1) {
      throw new StudyException(
          where + ": an improvement spec has exactly one model (the base model), it has "
              + base.models().size() + "; list the others in a scaling spec instead");
    }
    if (!(base.models().get(0).options() instanceof OnnxBackend.Options)) {
      throw new StudyException(
          where + ": the improved model must use the onnx backend (distillation trains gvgap"
              + " ONNX models), it uses '" + base.models().get(0).backend() + "'");
    }
    List<String> verifiers =
        base.verifiers().stream().map(ResolvedComponent::label).toList();
    if (!verifiers.contains(spec.verifier())) {
      throw new StudyException(where + ": improve.verifier '" + spec.verifier()
          + "' is not a verifier label of the" + " spec; labels: " + verifiers);
    }
    List<String> filters = base.filters().stream().map(ResolvedComponent::label).toList();
    if (!filters.contains(spec.filter())) {
      throw new StudyException(
          where + ": improve.filter '" + spec.filter() + "' is not a filter label of the spec"
              + " (swept filters are labelled like quantile(alpha=0.25)); labels: " + filters);
    }
  }
}
