package io.gvgap.studies;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.launch.RunExecutor;
import io.gvgap.core.metrics.EmptyKeptPolicy;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.DistillationRecord;
import io.gvgap.core.results.DistillationSettings;
import io.gvgap.core.results.RoundDifference;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.results.SplitRecord;
import io.gvgap.core.results.TaskSplit;
import io.gvgap.core.results.UpdateRule;
import io.gvgap.core.spec.MetricsSettingsSpec;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.onnx.OnnxBackend;
import io.gvgap.onnx.train.DistillRunner;
import io.gvgap.onnx.train.ProgressListener;
import io.gvgap.onnx.train.TrainerOptions;
import io.gvgap.onnx.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Iterative self-improvement on held-out prompts. Each task's examples are split once, seeded
 * ({@link HeldOutSplit}), into a train split and an evaluation split. Round t evaluates model t on
 * both splits (one normal run into {@code STUDY_DIR/round-t/}), keeps the train split's samples that
 * the chosen (verifier, filter) strategy keeps, removes duplicates, writes them as an SFT set
 * ({@code STUDY_DIR/sft/round-t.jsonl}) and distils them into model t+1 ({@code
 * STUDY_DIR/models/round-(t+1)/}). No evaluation-split sample is ever distilled, so the evaluation
 * split's metrics measure what the distillation does to prompts it never saw. With {@code control:
 * oracle} a second arm does the same from the shared round 0 but distils the train split's correct
 * samples ({@link CorrectSampleSelector}), into {@code STUDY_DIR/control-oracle/}. {@code
 * rounds.json} (rewritten after every stage) holds the split, each round's metrics on each split,
 * and paired round-to-round differences on the evaluation split ({@link PairedDifferences}).
 *
 * <p>Every stage is idempotent, so rerunning after a crash resumes: a finished round (run status
 * success with metrics) is read rather than rerun, an unfinished one resumes through the run
 * store, a finished distillation (model card written, no checkpoint left) is skipped and an
 * unfinished one resumes from its last checkpoint. The SFT set is recomputed from the round's run
 * directory, which gives the same file. A round whose model's files changed since its run (a
 * retrained base model at the same path) is refused, finished or not, rather than reused; so is a
 * study directory whose recorded split differs from the spec's.
 *
 * <p>The rounds' runs are not assembled here: the study is given a {@link RunExecutor} (the
 * launcher's), so a round's run directory holds what every other run directory holds.
 */
public final class ImprovementStudy {

  /** The folder of the oracle control arm inside the study directory. */
  public static final String ORACLE_FOLDER = "control-oracle";

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

  /** One arm of the study: where its files go and what it distils. */
  private record Arm(
      String name,
      Path dir,
      String prefix,
      Function<RunDirectoryContents, List<KeptSample>> keep) {}

  /** What rounds.json holds so far. */
  private static final class State {
    SplitRecord split;
    final List<RoundRecord> self = new ArrayList<>();
    final List<RoundRecord> control = new ArrayList<>();
    final List<RoundDifference> differences = new ArrayList<>();
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
    JsonNode recorded = StudyFiles.recordedSplit(studyDir.resolve(RoundsFile.FILE));
    SplitCheck.settings(studyDir.resolve(RoundsFile.FILE), recorded, spec.split());
    KeptSampleSelector selector = new KeptSampleSelector(spec.verifier(), spec.filter());
    State state = new State();
    Arm self = new Arm(RoundsFile.SELF_ARM, studyDir, "", selector::select);
    runArm(spec, base, specSource, self, state.self, state, recorded);
    if (spec.control() == ControlArm.ORACLE) {
      Arm oracle = new Arm(
          RoundsFile.ORACLE_ARM,
          studyDir.resolve(ORACLE_FOLDER),
          "oracle ",
          CorrectSampleSelector::select);
      runArm(spec, base, specSource, oracle, state.control, state, recorded);
    }
    return write(studyDir, spec, state, true);
  }

  private void runArm(
      ImproveSpec spec,
      ResolvedRunSpec base,
      String specSource,
      Arm arm,
      List<RoundRecord> rounds,
      State state,
      JsonNode recorded) {
    Path studyDir = base.output();
    ResolvedModel baseModel = base.models().get(0);
    OnnxBackend.Options baseOptions = (OnnxBackend.Options) baseModel.options();
    String modelPath = baseOptions.path().toString();
    for (int t = 0; t <= spec.rounds(); t++) {
      // round 0 (the base model) is shared by the arms
      Path runDir = (t == 0 ? studyDir : arm.dir()).resolve("round-" + t);
      ResolvedRunSpec roundSpec = roundSpec(base, t, modelPath, runDir);
      String stage = arm.prefix() + "round " + t;
      RunMetrics metrics;
      if (StudyFiles.runFinished(runDir)) {
        // a finished round is reused without opening its store, so its model is checked here
        RunStore.checkModels(runDir, runs.modelFingerprints(roundSpec));
        log.accept(stage + ": evaluation already finished in " + runDir);
        metrics = StudyFiles.metrics(runDir);
      } else {
        log.accept(stage + ": evaluating " + modelPath + " into " + runDir);
        metrics = runs.run(roundSpec, specSource).metrics();
      }
      if (state.split == null) {
        state.split = RoundEvaluation.split(spec, base, runDir, baseModel.label());
        SplitCheck.ids(studyDir.resolve(RoundsFile.FILE), recorded, state.split);
      }
      RoundRecord evaluated =
          RoundEvaluation.evaluate(t, modelPath, runDir, baseModel.label(), metrics, state.split);
      rounds.add(evaluated);
      if (t > 0) {
        differences(base, arm, rounds, t, baseModel.label(), state);
      }
      write(studyDir, spec, state, false);
      if (t == spec.rounds()) {
        break;
      }
      Path nextModel = arm.dir().resolve("models").resolve("round-" + (t + 1));
      String fromModel =
          spec.update() == UpdateRule.CONTINUE ? modelPath : baseOptions.path().toString();
      DistillationRecord distillation = distill(
          spec,
          arm,
          base,
          baseModel.label(),
          runDir,
          t,
          Path.of(fromModel),
          nextModel,
          state.split);
      rounds.set(
          t,
          new RoundRecord(
              t,
              modelPath,
              runDir.toString(),
              evaluated.evaluation(),
              evaluated.train(),
              distillation));
      write(studyDir, spec, state, false);
      modelPath = nextModel.toString();
    }
  }

  /** Round t's paired differences on the evaluation split: against round t-1 and round 0. */
  private static void differences(
      ResolvedRunSpec base,
      Arm arm,
      List<RoundRecord> rounds,
      int t,
      String modelLabel,
      State state) {
    PairedDifferences paired = new PairedDifferences(new MetricsSettings(
        base.metrics().bootstrap(),
        base.metrics().confidence(),
        base.seed(),
        List.of(1),
        EmptyKeptPolicy.FALLBACK));
    Path to = Path.of(rounds.get(t).runDirectory());
    for (TaskSplit task : state.split.tasks()) {
      Map<String, List<SampleRecord>> toSamples =
          RunDirectoryContents.read(to, modelLabel, task.task()).samples();
      for (int from : t == 1 ? new int[] {0} : new int[] {t - 1, 0}) {
        Path fromDir = Path.of(rounds.get(from).runDirectory());
        state.differences.add(paired.between(
            arm.name(),
            task.task(),
            from,
            t,
            task.evalIds(),
            RunDirectoryContents.read(fromDir, modelLabel, task.task()).samples(),
            toSamples));
      }
    }
  }

  private DistillationRecord distill(
      ImproveSpec spec,
      Arm arm,
      ResolvedRunSpec base,
      String modelLabel,
      Path runDir,
      int t,
      Path fromModel,
      Path nextModel,
      SplitRecord split) {
    List<KeptSample> kept = new ArrayList<>();
    for (TaskSplit task : split.tasks()) {
      Set<String> train = Set.copyOf(task.trainIds());
      RunDirectoryContents all = RunDirectoryContents.read(runDir, modelLabel, task.task());
      RunDirectoryContents trainOnly = new RunDirectoryContents(all.results().stream()
          .filter(r -> train.contains(r.key().exampleId()))
          .toList());
      for (KeptSample k : arm.keep().apply(trainOnly)) {
        if (!train.contains(k.exampleId())) {
          throw new IllegalStateException("a kept sample of example '" + k.exampleId()
              + "' is not in the train split of task '" + task.task() + "'");
        }
        kept.add(k);
      }
    }
    List<KeptSample> distinct = deduplicator.deduplicate(kept);
    double keptAccuracy =
        distinct.stream().mapToDouble(KeptSample::utility).average().orElse(Double.NaN);
    Path sftSet = arm.dir().resolve("sft").resolve("round-" + t + ".jsonl");
    String stage = arm.prefix() + "round " + t;
    if (distinct.isEmpty()) {
      String what = arm.name().equals(RoundsFile.SELF_ARM)
          ? "strategy " + spec.verifier() + "/" + spec.filter()
          : "the oracle (no correct sample)";
      throw new StudyException(stage + ": " + what + " kept no train-split sample of " + runDir
          + ", so there is nothing to distil; choose a filter that keeps more"
          + " (e.g. a larger quantile alpha), a verifier that parses on this model, or a larger"
          + " train split (improve.split.train, the task's limit)");
    }
    if (StudyFiles.modelFinished(nextModel)) {
      log.accept(stage + ": distillation into " + nextModel + " already finished");
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
      log.accept(stage + ": distilling " + distinct.size() + " distinct kept samples (of "
          + kept.size() + ", train split only) from " + fromModel + " into " + nextModel + ", "
          + d.steps() + " steps");
      try {
        TrainingResult result =
            DistillRunner.run(fromModel, sftSet, nextModel, options, trainingProgress);
        if (result.resumedFromStep() > 0) {
          log.accept(stage + ": distillation resumed from step " + result.resumedFromStep());
        }
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new StudyException(
            stage + ": distillation into " + nextModel + " failed: " + e.getMessage(), e);
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
        new OnnxBackend.Options(
            Path.of(modelPath),
            o.threads(),
            o.device(),
            o.maxBatchRows(),
            o.decode(),
            o.chat(),
            Path.of(modelPath).equals(o.path()) ? o.file() : ""));
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

  private static RoundsFile write(Path studyDir, ImproveSpec spec, State state, boolean complete) {
    RoundsFile file = new RoundsFile(
        spec.run().name(),
        spec.verifier(),
        spec.filter(),
        spec.update(),
        spec.distillation(),
        state.split,
        spec.control() == ControlArm.ORACLE ? RoundsFile.ORACLE_ARM : null,
        complete,
        List.copyOf(state.self),
        List.copyOf(state.control),
        List.copyOf(state.differences));
    StudyFiles.writeJson(studyDir.resolve(RoundsFile.FILE), file);
    return file;
  }

  /**
   * Checks that the study can run on {@code base} (one model of the onnx backend, the strategy among the
   * spec's labels, a split that leaves both sides non-empty for every task's limit) before anything
   * is written.
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
    for (ResolvedTask task : base.tasks()) {
      int n = task.limit();
      long wanted = Math.round(spec.split().train() * n);
      if (n != Integer.MAX_VALUE && (n < 2 || wanted < 1 || wanted > n - 1)) {
        throw new StudyException(where + ": improve.split.train " + spec.split().train()
            + " of task '" + task.label() + "' (limit " + n + ") leaves "
            + (wanted < 1 ? "no train example" : "no evaluation example")
            + "; raise the task's limit or choose a train share whose round(share x limit) lies"
            + " between 1 and limit - 1");
      }
    }
  }
}
