package io.gvgap.studies;

import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.MetricFormat;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PromptData;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.metrics.StrategyPrompts;
import io.gvgap.core.results.LineFit;
import io.gvgap.core.results.ScalingExclusion;
import io.gvgap.core.results.ScalingFit;
import io.gvgap.core.results.ScalingModel;
import io.gvgap.core.results.ScalingPoint;
import io.gvgap.core.results.SlopeBootstrap;
import io.gvgap.core.results.WeightedFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The fits of one task of a scaling study: for each strategy, one fit per measure, each with its
 * ordinary line, its slope on joint prompt resamples (see {@link JointResample}) with the order
 * shares, and its weighted line.
 */
final class ScalingTask {

  /** {@code gap / (1 - J(f))}. */
  static final String POOLED = "relative-gap-pooled";
  /** The mean over prompts with headroom of {@code (b_x - a_x) / (1 - a_x)}. */
  static final String PER_PROMPT = "relative-gap-per-prompt";
  /** The strategy's gap over the oracle's gap at the same filter. */
  static final String SHARE = "gap-share-of-oracle";
  /** {@code J(f[w]) - J(f)}. */
  static final String GAP = "gap";

  private final String task;
  private final List<ScalingModel> models;
  private final Map<String, Map<StrategyKey, StrategyMetrics>> metrics;
  private final Map<String, List<PromptData>> prompts;
  private final MetricsSettings settings;
  private final double confidence;
  private final String oracle;
  private final List<String> ids;
  private final Map<String, Integer> position = new HashMap<>();
  private final Map<String, Map<StrategyKey, JointResample>> resamples = new HashMap<>();

  ScalingTask(
      String task,
      List<ScalingModel> models,
      Map<String, Map<StrategyKey, StrategyMetrics>> metrics,
      Map<String, List<PromptData>> prompts,
      MetricsSettings settings,
      double confidence,
      String oracle) {
    this.task = task;
    this.models = models;
    this.metrics = metrics;
    this.prompts = prompts;
    this.settings = settings;
    this.confidence = confidence;
    this.oracle = oracle;
    Set<String> union = new LinkedHashSet<>();
    for (ScalingModel m : models) {
      prompts.getOrDefault(m.label(), List.of()).forEach(p -> union.add(p.exampleId()));
    }
    this.ids = List.copyOf(union);
    for (int i = 0; i < ids.size(); i++) {
      position.put(ids.get(i), i);
    }
  }

  /** The strategy's fits: pooled and per-prompt relative gap, share of the oracle's gap, gap. */
  List<ScalingFit> fits(StrategyKey key) {
    List<ScalingFit> fits = new ArrayList<>();
    fits.add(fit(key, POOLED));
    fits.add(fit(key, PER_PROMPT));
    if (oracle != null && !key.verifier().equals(oracle)) {
      fits.add(fit(key, SHARE));
    }
    fits.add(fit(key, GAP));
    return fits;
  }

  /** One model's observed value, per-draw values and, when undefined, why. */
  private record Series(Estimate observed, double[] draws, String reason) {}

  private ScalingFit fit(StrategyKey key, String measure) {
    List<ScalingPoint> points = new ArrayList<>();
    List<ScalingExclusion> excluded = new ArrayList<>();
    List<double[]> fittedDraws = new ArrayList<>();
    for (ScalingModel model : models) {
      Series series = series(model.label(), key, measure);
      Estimate e = series.observed();
      points.add(new ScalingPoint(
          model.label(),
          model.flops(),
          Math.log10(model.flops()),
          e.value(),
          e.lower(),
          e.upper()));
      if (e.defined()) {
        fittedDraws.add(series.draws());
      } else {
        excluded.add(new ScalingExclusion(model.label(), series.reason()));
      }
    }
    double[] x = points.stream().mapToDouble(ScalingPoint::log10Flops).toArray();
    double[] y = points.stream().mapToDouble(ScalingPoint::value).toArray();
    LineFit ordinary = LeastSquares.fit(x, y, confidence);
    List<ScalingPoint> defined =
        points.stream().filter(p -> !Double.isNaN(p.value())).toList();
    double[] dx = defined.stream().mapToDouble(ScalingPoint::log10Flops).toArray();
    double[] dy = defined.stream().mapToDouble(ScalingPoint::value).toArray();
    // The weighted fit: points whose interval has zero width have no finite weight; left out.
    List<ScalingPoint> weighable = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (ScalingPoint p : defined) {
      if (p.upper() > p.lower()) {
        weighable.add(p);
      } else {
        leftOut.add(p.model());
      }
    }
    WeightedFit weighted = WeightedLeastSquares.fit(
        weighable.stream().mapToDouble(ScalingPoint::log10Flops).toArray(),
        weighable.stream().mapToDouble(ScalingPoint::value).toArray(),
        weighable.stream()
            .mapToDouble(p ->
                WeightedLeastSquares.standardError(p.lower(), p.upper(), settings.confidence()))
            .toArray(),
        confidence,
        leftOut);
    return new ScalingFit(
        task,
        key.verifier(),
        key.filter(),
        measure,
        points,
        excluded,
        ordinary,
        bootstrap(dx, dy, fittedDraws),
        weighted,
        SeedSpreads.of(points, ordinary, confidence));
  }

  /** The slope on every joint resample of the fitted models, and the order shares. */
  private SlopeBootstrap bootstrap(double[] x, double[] observed, List<double[]> draws) {
    int count = settings.bootstrapDraws();
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
    String observedOrder = order(observed, order);
    if (x.length < 2) {
      return new SlopeBootstrap(
          count, 0, Double.NaN, Double.NaN, confidence, Double.NaN, Double.NaN, observedOrder);
    }
    double[] slopes = new double[count];
    int definedDraws = 0;
    int increasing = 0;
    int decreasing = 0;
    double[] y = new double[x.length];
    for (int d = 0; d < count; d++) {
      boolean all = true;
      for (int i = 0; i < x.length; i++) {
        y[i] = draws.get(i)[d];
        all &= !Double.isNaN(y[i]);
      }
      if (!all) {
        continue;
      }
      String o = order(y, order);
      increasing += o.equals("increasing") ? 1 : 0;
      decreasing += o.equals("decreasing") ? 1 : 0;
      double slope = LeastSquares.slope(x, y);
      if (!Double.isNaN(slope)) {
        slopes[definedDraws++] = slope;
      }
    }
    double[] interval = percentiles(slopes, definedDraws, confidence);
    return new SlopeBootstrap(
        count,
        definedDraws,
        interval[0],
        interval[1],
        confidence,
        (double) increasing / count,
        (double) decreasing / count,
        observedOrder);
  }

  /** {@code increasing}, {@code decreasing} or {@code neither}, strictly, in the order given. */
  private static String order(double[] y, Integer[] byX) {
    if (y.length < 2) {
      return "neither";
    }
    boolean up = true;
    boolean down = true;
    for (int k = 1; k < byX.length; k++) {
      double step = y[byX[k]] - y[byX[k - 1]];
      up &= step > 0;
      down &= step < 0;
    }
    return up ? "increasing" : down ? "decreasing" : "neither";
  }

  /** The R-7 percentile interval of the first {@code n} values; NaN when {@code n} is 0. */
  static double[] percentiles(double[] values, int n, double level) {
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(values, 0, n);
    double tail = (1 - level) / 2;
    return new double[] {percentile.evaluate(100 * tail), percentile.evaluate(100 * (1 - tail))};
  }

  private Series series(String model, StrategyKey key, String measure) {
    Map<StrategyKey, StrategyMetrics> strategies = metrics.get(model);
    if (strategies == null) {
      return missing("no metrics for this task: no complete prompt");
    }
    StrategyMetrics s = strategies.get(key);
    if (s == null) {
      return missing("no metrics for this strategy");
    }
    if (s.promptsUsed() == 0) {
      return missing("the filter kept nothing on any prompt (empty_kept: exclude leaves none)");
    }
    switch (measure) {
      case POOLED:
        return series(
            s.relativeGapPooled(),
            resample(model, key).relativeGapPooled(),
            String.format(
                Locale.ROOT,
                "saturated: J(f) = 1 on all %d prompts (every sample correct), so the relative gap is 0/0",
                s.promptsUsed()));
      case PER_PROMPT:
        return series(
            s.relativeGapPerPrompt(),
            resample(model, key).relativeGapPerPrompt(),
            "saturated: every one of the " + s.promptsUsed()
                + " prompts has J_x(f) = 1, so no prompt has headroom (0/0)");
      case GAP:
        return series(s.gap(), resample(model, key).gap(), "the gap is undefined");
      case SHARE:
        return share(model, key, s, strategies);
      default:
        throw new IllegalArgumentException("unknown scaling measure '" + measure + "'");
    }
  }

  private Series share(
      String model,
      StrategyKey key,
      StrategyMetrics s,
      Map<StrategyKey, StrategyMetrics> strategies) {
    StrategyKey oracleKey = new StrategyKey(oracle, key.filter());
    StrategyMetrics o = strategies.get(oracleKey);
    if (o == null || !o.gap().defined()) {
      return missing("the oracle '" + oracle + "' has no gap at filter " + key.filter());
    }
    if (!(o.gap().value() > 0)) {
      return missing(String.format(
          Locale.ROOT,
          "the oracle's gap at this filter is %s (J(f) = %s): no achievable gap to take a share of",
          MetricFormat.signed(o.gap().value()),
          MetricFormat.fixed(o.jf().value())));
    }
    if (!s.gap().defined()) {
      return missing("the gap is undefined");
    }
    double[] mine = resample(model, key).gap();
    double[] achievable = resample(model, oracleKey).gap();
    double[] ratio = new double[mine.length];
    double[] defined = new double[mine.length];
    int n = 0;
    for (int d = 0; d < ratio.length; d++) {
      ratio[d] = achievable[d] > 0 ? mine[d] / achievable[d] : Double.NaN;
      if (!Double.isNaN(ratio[d])) {
        defined[n++] = ratio[d];
      }
    }
    double[] interval = percentiles(defined, n, settings.confidence());
    return new Series(
        new Estimate(s.gap().value() / o.gap().value(), interval[0], interval[1]), ratio, "");
  }

  private static Series series(Estimate observed, double[] draws, String reasonIfUndefined) {
    return observed.defined()
        ? new Series(observed, draws, "")
        : new Series(observed, draws, reasonIfUndefined);
  }

  private static Series missing(String reason) {
    return new Series(Estimate.undefined(), null, reason);
  }

  private JointResample resample(String model, StrategyKey key) {
    return resamples
        .computeIfAbsent(model, m -> new LinkedHashMap<>())
        .computeIfAbsent(
            key,
            k -> JointResample.of(
                StrategyPrompts.of(k, prompts.getOrDefault(model, List.of()), settings.emptyKept()),
                ids,
                position,
                settings.bootstrapDraws(),
                settings.seed()));
  }
}
