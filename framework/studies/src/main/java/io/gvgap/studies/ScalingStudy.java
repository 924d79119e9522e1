package io.gvgap.studies;

import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PromptData;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.pipeline.RunMetricsCalculator;
import io.gvgap.core.results.LineFit;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.results.ScalingFit;
import io.gvgap.core.results.ScalingModel;
import io.gvgap.core.results.ScalingMultiplicity;
import io.gvgap.core.results.SlopeBootstrap;
import io.gvgap.core.results.WeightedFit;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.ResultGroup;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunRecords;
import io.gvgap.onnx.OnnxBackend;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A scaling study: one run over a model family (an ordinary run, made by the launcher),
 * then, for every task x verifier x filter (no pick), the relative gaps (pooled and per prompt), the
 * share of the oracle's gap at the same filter, and the gap of each model against log10 of its
 * pre-training FLOPs. Each fit has a least-squares line with the slope's t-interval and R², the slope
 * refitted on prompt resamples drawn jointly for all models (its percentile interval and the share
 * of resamples in which the points stay in order), and a weighted least-squares line using each
 * point's own interval. Models whose point is undefined (e.g. saturated: J(f) = 1) are listed as
 * excluded with why, and {@code scaling.json} says how many intervals were made. The x of each model
 * comes from the spec's {@code scaling.flops} or from {@code pretrainingFlops} in its model card
 * ({@code gvgap-model.json}).
 */
public final class ScalingStudy {

  /** The model-card field that holds pre-training FLOPs ({@code 6 * parameters * tokens}). */
  public static final String CARD_FLOPS = "pretrainingFlops";

  /** The plugin name of the verifier whose gap is the achievable one. */
  public static final String ORACLE_VERIFIER = "oracle";

  private ScalingStudy() {}

  /** The label of the run's first {@code oracle} verifier, or null when it has none. */
  public static String oracleLabel(ResolvedRunSpec spec) {
    return spec.verifiers().stream()
        .filter(v -> v.name().equals(ORACLE_VERIFIER))
        .map(ResolvedComponent::label)
        .findFirst()
        .orElse(null);
  }

  /**
   * Each model's pre-training FLOPs, before any run (so a missing card fails fast).
   *
   * @throws StudyException when a model has FLOPs neither in the spec nor in a model card
   */
  public static List<ScalingModel> flops(ScalingSpec spec, ResolvedRunSpec resolved) {
    List<ScalingModel> models = new ArrayList<>();
    for (String label : spec.flops().keySet()) {
      if (resolved.models().stream().noneMatch(m -> m.label().equals(label))) {
        throw new StudyException(spec.run().file() + ": scaling.flops names '" + label
            + "', which is not a model label;" + " labels: "
            + resolved.models().stream().map(ResolvedModel::label).toList());
      }
    }
    for (ResolvedModel m : resolved.models()) {
      Double given = spec.flops().get(m.label());
      if (given != null) {
        models.add(new ScalingModel(m.label(), given, "spec"));
        continue;
      }
      if (!(m.options() instanceof OnnxBackend.Options o)) {
        throw new StudyException(spec.run().file() + ": model '" + m.label() + "' uses backend '"
            + m.backend() + "', which has no model card; give its FLOPs in scaling.flops");
      }
      Path card = o.path().resolve(ModelDirectory.MODEL_CARD_FILE);
      if (!Files.exists(card)) {
        throw new StudyException(spec.run().file() + ": model '" + m.label() + "' has no " + card
            + "; give its pre-training FLOPs in scaling.flops");
      }
      double flops = StudyFiles.orNaN(StudyFiles.modelCard(o.path()).pretrainingFlops());
      if (!(flops > 0)) {
        throw new StudyException(
            card + " has no positive '" + CARD_FLOPS + "' (a model not pre-trained by gvgap?);"
                + " give model '" + m.label() + "' its FLOPs in scaling.flops");
      }
      models.add(new ScalingModel(m.label(), flops, card.toString()));
    }
    return models;
  }

  /**
   * Fits every strategy of a finished run in {@code runDir} and writes {@code scaling.json}: reads
   * the run's per-prompt records (for the prompt bootstrap) with the run's own metric settings.
   *
   * @param oracle the label of the oracle verifier, or null when the run has none
   */
  public static ScalingFile analyse(
      String runName,
      Path runDir,
      RunMetrics metrics,
      List<ScalingModel> models,
      double confidence,
      String oracle) {
    RunMetricsCalculator calculator =
        RunMetricsCalculator.forRun(RunDirectory.open(runDir).manifest());
    RunRecords records = RunRecords.read(runDir);
    Map<String, Map<String, List<PromptData>>> prompts = new LinkedHashMap<>();
    for (ResultGroup group : records.groups()) {
      prompts
          .computeIfAbsent(group.task(), t -> new LinkedHashMap<>())
          .put(group.model(), calculator.prompts(records, group));
    }
    return analyse(
        runName, runDir, metrics, prompts, calculator.settings(), models, confidence, oracle);
  }

  /**
   * Fits every task x verifier x filter x measure against log10 FLOPs and writes
   * {@code scaling.json} into {@code runDir}: each fit's ordinary least-squares line (points and
   * their intervals from {@code metrics}), its slope on joint prompt resamples with the order shares,
   * and its weighted least-squares line.
   *
   * @param prompts per task, per model label: the prompts the metrics were computed from
   * @param settings the run's metric settings: resample count and seed, the points' interval level,
   *     the empty-kept rule
   * @param confidence the slope intervals' level
   * @param oracle the label of the oracle verifier, or null when the run has none
   */
  public static ScalingFile analyse(
      String runName,
      Path runDir,
      RunMetrics metrics,
      Map<String, Map<String, List<PromptData>>> prompts,
      MetricsSettings settings,
      List<ScalingModel> models,
      double confidence,
      String oracle) {
    Set<String> tasks = new LinkedHashSet<>();
    Map<String, Map<String, Map<StrategyKey, StrategyMetrics>>> byTaskModel = new LinkedHashMap<>();
    for (GroupResult g : metrics.groups()) {
      tasks.add(g.task());
      if (g.metrics() == null) {
        continue;
      }
      Map<StrategyKey, StrategyMetrics> strategies = new LinkedHashMap<>();
      g.metrics().strategies().forEach(s -> strategies.put(s.key(), s));
      byTaskModel.computeIfAbsent(g.task(), t -> new LinkedHashMap<>()).put(g.model(), strategies);
    }
    List<ScalingFit> fits = new ArrayList<>();
    for (String task : tasks) {
      Map<String, Map<StrategyKey, StrategyMetrics>> perModel =
          byTaskModel.getOrDefault(task, Map.of());
      Map<String, List<PromptData>> taskPrompts = prompts.getOrDefault(task, Map.of());
      Set<StrategyKey> keys = new LinkedHashSet<>();
      perModel.values().forEach(m -> keys.addAll(m.keySet()));
      ScalingTask scalingTask =
          new ScalingTask(task, models, perModel, taskPrompts, settings, confidence, oracle);
      for (StrategyKey key : keys) {
        fits.addAll(scalingTask.fits(key));
      }
    }
    ScalingFile file = new ScalingFile(
        runName,
        runDir.toString(),
        LineFit.INTERVAL_METHOD,
        SlopeBootstrap.METHOD,
        WeightedFit.METHOD,
        settings.bootstrapDraws(),
        settings.seed(),
        oracle,
        models,
        fits,
        multiplicity(fits, confidence));
    StudyFiles.writeJson(runDir.resolve(ScalingFile.FILE), file);
    return file;
  }

  /** How many slope intervals were made and how many exclude 0. */
  static ScalingMultiplicity multiplicity(List<ScalingFit> fits, double confidence) {
    int made = 0;
    int ordinary = 0;
    int bootstrap = 0;
    int weighted = 0;
    for (ScalingFit f : fits) {
      if (excludesZero(f.fit().slopeLower(), f.fit().slopeUpper())) {
        ordinary++;
      }
      if (excludesZero(f.weighted().slopeLower(), f.weighted().slopeUpper())) {
        weighted++;
      }
      if (!Double.isNaN(f.bootstrap().slopeLower())) {
        made++;
        if (excludesZero(f.bootstrap().slopeLower(), f.bootstrap().slopeUpper())) {
          bootstrap++;
        }
      }
    }
    double expected = made * (1 - confidence);
    String note = String.format(
        Locale.ROOT,
        "%d fits with a prompt-bootstrap slope interval; at %s %% about %.1f would exclude 0 by chance"
            + " alone; %d do (prompt bootstrap), %d by the t-interval, %d by the weighted fit",
        made,
        BigDecimal.valueOf(confidence).movePointRight(2).stripTrailingZeros().toPlainString(),
        expected,
        bootstrap,
        ordinary,
        weighted);
    return new ScalingMultiplicity(made, confidence, expected, ordinary, bootstrap, weighted, note);
  }

  private static boolean excludesZero(double lower, double upper) {
    return !Double.isNaN(lower) && !Double.isNaN(upper) && (lower > 0 || upper < 0);
  }
}
