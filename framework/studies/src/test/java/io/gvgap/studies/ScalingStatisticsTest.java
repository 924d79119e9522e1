package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.core.metrics.EmptyKeptPolicy;
import io.gvgap.core.metrics.MetricsCalculator;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PromptData;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.results.ScalingFit;
import io.gvgap.core.results.ScalingModel;
import io.gvgap.core.results.WeightedFit;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaling statistics against independent references: the weighted fit against a closed form
 * worked by hand, the prompt bootstrap against a direct loop over the same seeded resample indices,
 * the order shares on constructed families, and the exclusion of saturated members.
 */
class ScalingStatisticsTest {

  private static final String TASK = "arithmetic";
  private static final String V = "v";
  private static final String ORACLE = "oracle";
  private static final String F = "f";
  private static final int DRAWS = 400;
  private static final long SEED = 11;

  @TempDir
  Path dir;

  @Test
  void weightedFitMatchesTheClosedFormWorkedByHand() {
    // x = 0, 1, 2; y = 0, 1, 3; se = 1, 1, 0.5 (w = 1, 1, 4). W = 6, x̄ = 9/6 = 1.5, ȳ = 13/6.
    // Sxx = 2.25 + 0.25 + 4 * 0.25 = 3.5; Sxy = 1.5 * 13/6 + 0.5 * 7/6 + 4 * 0.5 * 5/6 = 5.5.
    // slope = 11/7, intercept = 13/6 - 11/7 * 1.5 = -4/21; residuals 4/21, -8/21, 1/21:
    // chi² = (16 + 64 + 4 * 1) / 441 = 4/21. SE = 1/sqrt(3.5); half-width = 1.959963985 * SE.
    WeightedFit fit = WeightedLeastSquares.fit(
        new double[] {0, 1, 2}, new double[] {0, 1, 3}, new double[] {1, 1, 0.5}, 0.95);
    assertThat(fit.slope()).isCloseTo(11.0 / 7, within(1e-12));
    assertThat(fit.intercept()).isCloseTo(-4.0 / 21, within(1e-12));
    assertThat(fit.chiSquare()).isCloseTo(4.0 / 21, within(1e-12));
    assertThat(fit.degreesOfFreedom()).isEqualTo(1);
    double half = 1.959963985 / Math.sqrt(3.5);
    assertThat(fit.slopeLower()).isCloseTo(11.0 / 7 - half, within(1e-8));
    assertThat(fit.slopeUpper()).isCloseTo(11.0 / 7 + half, within(1e-8));
    // A 95 % interval [-1.96, 1.96] is a standard error of 1.
    assertThat(WeightedLeastSquares.standardError(-1.959963985, 1.959963985, 0.95))
        .isCloseTo(1, within(1e-8));
    // Equal weights give the ordinary slope; a zero-width interval leaves the fit undefined.
    double[] x = {0, 1, 2, 3};
    double[] y = {0.1, 0.5, 0.2, 0.9};
    assertThat(WeightedLeastSquares.fit(x, y, new double[] {2, 2, 2, 2}, 0.9).slope())
        .isCloseTo(LeastSquares.fit(x, y, 0.9).slope(), within(1e-12));
    // Points scattering more than their intervals allow widen the interval by S = sqrt(chi²/df):
    // x = 0, 1, 2; y = 0, 2, 1; se = 0.5 (w = 4): slope 0.5, intercept 0.5, residuals -0.5, 1,
    // -0.5,
    // chi² = 4 * 1.5 = 6 on 1 df, S = sqrt(6); SE = S / sqrt(4 * 2); half-width = z * sqrt(6 / 8).
    WeightedFit scattered = WeightedLeastSquares.fit(
        new double[] {0, 1, 2}, new double[] {0, 2, 1}, new double[] {0.5, 0.5, 0.5}, 0.95);
    assertThat(scattered.slope()).isCloseTo(0.5, within(1e-12));
    assertThat(scattered.chiSquare()).isCloseTo(6, within(1e-12));
    assertThat(scattered.scaleFactor()).isCloseTo(Math.sqrt(6), within(1e-12));
    assertThat(scattered.slopeUpper()).isCloseTo(0.5 + 1.959963985 * Math.sqrt(0.75), within(1e-8));
    assertThat(fit.scaleFactor()).isEqualTo(1.0); // chi² 4/21 < 1 df: no widening
    // Two points are not a weighted fit (nothing to check the line against).
    assertThat(WeightedLeastSquares.fit(
                new double[] {0, 1}, new double[] {0, 1}, new double[] {1, 1}, 0.9)
            .slope())
        .isNaN();
    WeightedFit degenerate = WeightedLeastSquares.fit(x, y, new double[] {1, 0, 1, 1}, 0.9);
    assertThat(degenerate.slope()).isNaN();
    assertThat(degenerate.note()).contains("point 2");
  }

  /** A prompt of 4 samples: its utilities; verifier v keeps {@code kept}, the oracle the correct. */
  private static PromptData prompt(String id, double[] u, double[] kept) {
    double[] oracle = u.clone();
    return new PromptData(
        id,
        u,
        new boolean[] {true, true, true, true},
        Map.of(V, kept, ORACLE, oracle),
        Map.of(new StrategyKey(V, F), kept, new StrategyKey(ORACLE, F), oracle));
  }

  /** Twelve prompts; model k is correct with probability p, and v keeps correct samples more often. */
  private static List<PromptData> randomModel(Random random, double p, double keepCorrect) {
    List<PromptData> prompts = new ArrayList<>();
    for (int x = 0; x < 12; x++) {
      double[] u = new double[4];
      double[] kept = new double[4];
      for (int i = 0; i < 4; i++) {
        u[i] = random.nextDouble() < p ? 1 : 0;
        kept[i] = random.nextDouble() < (u[i] == 1 ? keepCorrect : 0.3) ? 1 : 0;
      }
      prompts.add(prompt("p" + x, u, kept));
    }
    return prompts;
  }

  private static MetricsSettings settings() {
    return new MetricsSettings(DRAWS, 0.95, SEED, List.of(1), EmptyKeptPolicy.FALLBACK);
  }

  private ScalingFile analyse(Map<String, List<PromptData>> family) {
    List<ScalingModel> models = new ArrayList<>();
    List<GroupResult> groups = new ArrayList<>();
    double flops = 1e10;
    for (var e : family.entrySet()) {
      models.add(new ScalingModel(e.getKey(), flops, "spec"));
      flops *= 10;
      groups.add(new GroupResult(
          e.getKey(), TASK, 0, new MetricsCalculator(settings()).compute(e.getValue())));
    }
    return ScalingStudy.analyse(
        "family",
        dir,
        new RunMetrics("family", false, groups),
        Map.of(TASK, family),
        settings(),
        models,
        0.9,
        ORACLE);
  }

  private static ScalingFit fit(ScalingFile file, String verifier, String measure) {
    return file.fits().stream()
        .filter(f -> f.verifier().equals(verifier) && f.measure().equals(measure))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void bootstrapSlopeAndOrderShareMatchADirectLoopOverTheSameResamples() throws Exception {
    Random random = new Random(5);
    Map<String, List<PromptData>> family = new LinkedHashMap<>();
    family.put("small", randomModel(random, 0.3, 0.5));
    List<PromptData> medium = new ArrayList<>(randomModel(random, 0.5, 0.7));
    Collections.reverse(medium); // the resample must follow ids, not positions
    family.put("medium", medium);
    family.put("large", randomModel(random, 0.6, 0.9));
    ScalingFile file = analyse(family);
    ScalingFit pooled = fit(file, V, "relative-gap-pooled");

    // Reference: draw d picks 12 ids of the first model's order with one SplittableRandom(SEED)
    // continued over the draws, builds each model's resampled prompt list by id, and computes the
    // pooled relative gap straight from the definition (fallback for an empty kept set).
    List<String> ids = family.get("small").stream().map(PromptData::exampleId).toList();
    double[] x = {10, 11, 12};
    SplittableRandom r = new SplittableRandom(SEED);
    List<Double> slopes = new ArrayList<>();
    int increasing = 0;
    int decreasing = 0;
    for (int d = 0; d < DRAWS; d++) {
      List<String> drawn = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        drawn.add(ids.get(r.nextInt(ids.size())));
      }
      double[] y = new double[3];
      int m = 0;
      for (List<PromptData> model : family.values()) {
        double all = 0;
        double keptAccuracy = 0;
        for (String id : drawn) {
          PromptData p =
              model.stream().filter(q -> q.exampleId().equals(id)).findFirst().get();
          double a = Arrays.stream(p.utilities()).average().orElseThrow();
          double[] w = p.weights().get(new StrategyKey(V, F));
          double kept = 0;
          double keptCorrect = 0;
          for (int i = 0; i < 4; i++) {
            kept += w[i];
            keptCorrect += w[i] * p.utilities()[i];
          }
          all += a;
          keptAccuracy += kept == 0 ? a : keptCorrect / kept;
        }
        double jf = all / drawn.size();
        double jfw = keptAccuracy / drawn.size();
        y[m++] = jf >= 1 ? Double.NaN : (jfw - jf) / (1 - jf);
      }
      if (Double.isNaN(y[0]) || Double.isNaN(y[1]) || Double.isNaN(y[2])) {
        continue;
      }
      increasing += y[0] < y[1] && y[1] < y[2] ? 1 : 0;
      decreasing += y[0] > y[1] && y[1] > y[2] ? 1 : 0;
      // x = 10, 11, 12: slope = ((y2 - y0) * 1 + 0) / 2.
      slopes.add((y[2] - y[0]) / 2);
    }
    Collections.sort(slopes);
    assertThat(pooled.bootstrap().definedDraws()).isEqualTo(slopes.size());
    assertThat(pooled.bootstrap().slopeLower()).isCloseTo(r7(slopes, 0.05), within(1e-12));
    assertThat(pooled.bootstrap().slopeUpper()).isCloseTo(r7(slopes, 0.95), within(1e-12));
    assertThat(pooled.bootstrap().increasingShare())
        .isCloseTo((double) increasing / DRAWS, within(1e-12));
    assertThat(pooled.bootstrap().decreasingShare())
        .isCloseTo((double) decreasing / DRAWS, within(1e-12));
    assertThat(x).hasSize(pooled.points().size());
    // The slope interval is not degenerate here: the resamples do move the points.
    assertThat(pooled.bootstrap().slopeUpper()).isGreaterThan(pooled.bootstrap().slopeLower());

    // Every verifier x filter x measure is fitted (the oracle has no share of itself), and
    // scaling.json holds them all with their statistics.
    assertThat(file.fits())
        .extracting(f -> f.verifier() + "/" + f.measure())
        .containsExactlyInAnyOrder(
            "oracle/relative-gap-pooled",
            "oracle/relative-gap-per-prompt",
            "oracle/gap",
            "v/relative-gap-pooled",
            "v/relative-gap-per-prompt",
            "v/gap-share-of-oracle",
            "v/gap");
    ScalingFile written =
        Json.mapper().readValue(Files.readString(dir.resolve(ScalingFile.FILE)), ScalingFile.class);
    assertThat(written.fits()).hasSize(7);
    assertThat(written.fits().get(0).bootstrap()).isEqualTo(file.fits().get(0).bootstrap());
    assertThat(written.multiplicity().fits()).isEqualTo(file.multiplicity().fits());
  }

  @Test
  void theShareOfTheOraclesGapIsTheRatioOfTheTwoGaps() {
    Random random = new Random(9);
    Map<String, List<PromptData>> family = new LinkedHashMap<>();
    family.put("small", randomModel(random, 0.3, 0.6));
    family.put("large", randomModel(random, 0.6, 0.8));
    ScalingFile file = analyse(family);
    ScalingFit share = fit(file, V, "gap-share-of-oracle");
    ScalingFit vGap = fit(file, V, "gap");
    ScalingFit oracleGap = fit(file, ORACLE, "gap");
    for (int m = 0; m < 2; m++) {
      assertThat(share.points().get(m).value())
          .isCloseTo(
              vGap.points().get(m).value() / oracleGap.points().get(m).value(), within(1e-12));
      assertThat(share.points().get(m).lower())
          .isLessThanOrEqualTo(share.points().get(m).value());
    }
  }

  /** Every prompt of a model alike, so every resample gives the observed points exactly. */
  private static List<PromptData> uniform(double[] u, double[] kept) {
    List<PromptData> prompts = new ArrayList<>();
    for (int x = 0; x < 6; x++) {
      prompts.add(prompt("p" + x, u, kept));
    }
    return prompts;
  }

  @Test
  void orderSharesOnConstructedFamiliesAndSaturatedMembersExcluded() {
    // a = 0.5 everywhere; v keeps one correct of {1, 1, 0, 0} (b = 1), {1, 0} (b = 0.5) or
    // {1, 0, 0} (b = 1/3): pooled relative gaps 1, 0 and -1/3 — strictly decreasing, every
    // resample.
    double[] u = {1, 1, 0, 0};
    Map<String, List<PromptData>> family = new LinkedHashMap<>();
    family.put("small", uniform(u, new double[] {1, 0, 0, 0}));
    family.put("medium", uniform(u, new double[] {1, 0, 1, 0}));
    family.put("large", uniform(u, new double[] {1, 0, 1, 1}));
    family.put("saturated", uniform(new double[] {1, 1, 1, 1}, new double[] {1, 0, 0, 0}));
    ScalingFile file = analyse(family);
    ScalingFit pooled = fit(file, V, "relative-gap-pooled");
    assertThat(pooled.bootstrap().observedOrder()).isEqualTo("decreasing");
    assertThat(pooled.bootstrap().decreasingShare()).isEqualTo(1.0);
    assertThat(pooled.bootstrap().increasingShare()).isZero();
    // No resample moves a point: the interval is the observed slope, (-1/3 - 1) / 2.
    assertThat(pooled.bootstrap().slopeLower()).isCloseTo(-2.0 / 3, within(1e-12));
    assertThat(pooled.bootstrap().slopeUpper()).isCloseTo(-2.0 / 3, within(1e-12));
    // The saturated member (J(f) = 1) has no relative gap: listed as excluded with why.
    assertThat(pooled.fit().points()).isEqualTo(3);
    assertThat(pooled.excluded()).hasSize(1);
    assertThat(pooled.excluded().get(0).model()).isEqualTo("saturated");
    assertThat(pooled.excluded().get(0).reason()).contains("saturated").contains("0/0");
    assertThat(fit(file, V, "relative-gap-per-prompt").excluded().get(0).reason())
        .contains("headroom");
    // Its gap (0) is defined and fitted; its share of the oracle's gap (0) is not.
    assertThat(fit(file, V, "gap").excluded()).isEmpty();
    assertThat(fit(file, V, "gap-share-of-oracle").excluded())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("oracle's gap"));
    // The weighted fit needs each point's interval: here every interval has zero width, so every
    // point is left out (named) and there is no line.
    assertThat(pooled.weighted().slope()).isNaN();
    assertThat(pooled.weighted().leftOut()).containsExactly("small", "medium", "large");
    assertThat(pooled.weighted().note()).contains("three points");

    // The reverse family is increasing in every resample.
    Map<String, List<PromptData>> reverse = new LinkedHashMap<>();
    reverse.put("small", family.get("large"));
    reverse.put("medium", family.get("medium"));
    reverse.put("large", family.get("small"));
    ScalingFit up = fit(analyse(reverse), V, "relative-gap-pooled");
    assertThat(up.bootstrap().increasingShare()).isEqualTo(1.0);
    assertThat(up.bootstrap().observedOrder()).isEqualTo("increasing");
  }

  @Test
  void theMultiplicityNoteCountsTheIntervalsMade() {
    Random random = new Random(3);
    Map<String, List<PromptData>> family = new LinkedHashMap<>();
    family.put("small", randomModel(random, 0.3, 0.6));
    family.put("medium", randomModel(random, 0.5, 0.7));
    family.put("large", randomModel(random, 0.6, 0.8));
    ScalingFile file = analyse(family);
    long made = file.fits().stream()
        .filter(f -> !Double.isNaN(f.bootstrap().slopeLower()))
        .count();
    long excluding = file.fits().stream()
        .filter(f -> f.bootstrap().slopeLower() > 0 || f.bootstrap().slopeUpper() < 0)
        .count();
    assertThat(file.multiplicity().fits()).isEqualTo(made).isEqualTo(7);
    assertThat(file.multiplicity().excludingZeroBootstrap()).isEqualTo(excluding);
    assertThat(file.multiplicity().expectedByChance()).isCloseTo(0.7, within(1e-12));
    assertThat(file.multiplicity().note())
        .startsWith("7 fits with a prompt-bootstrap slope interval; at 90 % about 0.7 would");
  }

  /** The R-7 percentile: linear interpolation at h = (n - 1) p of the sorted values. */
  private static double r7(List<Double> sorted, double p) {
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo));
  }
}
