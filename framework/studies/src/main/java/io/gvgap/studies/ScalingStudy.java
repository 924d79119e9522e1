package io.gvgap.studies;

import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.results.LineFit;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.results.ScalingFit;
import io.gvgap.core.results.ScalingModel;
import io.gvgap.core.results.ScalingPoint;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.onnx.OnnxBackend;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A scaling study: one run over a model family (an ordinary run, made by the launcher),
 * then, per task x verifier x filter, the relative gaps (pooled and per prompt) and the gap of each
 * model against log10 of its pre-training FLOPs, with a least-squares line, the slope's t-interval
 * and R². The x of each model comes from the spec's {@code scaling.flops} or from
 * {@code pretrainingFlops} in its model card ({@code gvgap-model.json}).
 */
public final class ScalingStudy {

  /** The model-card field that holds pre-training FLOPs ({@code 6 * parameters * tokens}). */
  public static final String CARD_FLOPS = "pretrainingFlops";

  private ScalingStudy() {}

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

  /** Fits every strategy of a finished run's metrics and writes {@code scaling.json} into its directory. */
  public static ScalingFile analyse(
      String runName,
      Path runDir,
      RunMetrics metrics,
      List<ScalingModel> models,
      double confidence) {
    Map<String, Double> flops = new LinkedHashMap<>();
    models.forEach(m -> flops.put(m.label(), m.flops()));
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
    Map<String, Function<StrategyMetrics, Estimate>> measures = new LinkedHashMap<>();
    measures.put("relative-gap-pooled", StrategyMetrics::relativeGapPooled);
    measures.put("relative-gap-per-prompt", StrategyMetrics::relativeGapPerPrompt);
    measures.put("gap", StrategyMetrics::gap);
    List<ScalingFit> fits = new ArrayList<>();
    for (String task : tasks) {
      Map<String, Map<StrategyKey, StrategyMetrics>> perModel =
          byTaskModel.getOrDefault(task, Map.of());
      Set<StrategyKey> keys = new LinkedHashSet<>();
      perModel.values().forEach(m -> keys.addAll(m.keySet()));
      for (StrategyKey key : keys) {
        for (var measure : measures.entrySet()) {
          List<ScalingPoint> points = new ArrayList<>();
          for (ScalingModel model : models) {
            StrategyMetrics s = perModel.getOrDefault(model.label(), Map.of()).get(key);
            Estimate e = s == null ? Estimate.undefined() : measure.getValue().apply(s);
            points.add(new ScalingPoint(
                model.label(),
                model.flops(),
                Math.log10(model.flops()),
                e.value(),
                e.lower(),
                e.upper()));
          }
          double[] x = points.stream().mapToDouble(ScalingPoint::log10Flops).toArray();
          double[] y = points.stream().mapToDouble(ScalingPoint::value).toArray();
          fits.add(new ScalingFit(
              task,
              key.verifier(),
              key.filter(),
              measure.getKey(),
              points,
              LeastSquares.fit(x, y, confidence)));
        }
      }
    }
    ScalingFile file =
        new ScalingFile(runName, runDir.toString(), LineFit.INTERVAL_METHOD, models, fits);
    StudyFiles.writeJson(runDir.resolve(ScalingFile.FILE), file);
    return file;
  }
}
