package io.gvgap.core.metrics;

import java.util.ArrayList;
import java.util.List;

/** Computes {@link StrategyMetrics} for one strategy over a validated group of prompts. */
final class StrategyCalculator {

  private final Bootstrap bootstrap;
  private final EmptyKeptPolicy policy;

  StrategyCalculator(Bootstrap bootstrap, EmptyKeptPolicy policy) {
    this.bootstrap = bootstrap;
    this.policy = policy;
  }

  StrategyMetrics compute(StrategyKey key, List<PromptData> prompts) {
    KeptConfusion confusion = KeptConfusion.empty();
    int emptyKept = 0;
    List<Double> allAccuracy = new ArrayList<>();
    List<Double> keptAccuracy = new ArrayList<>();
    int saturated = 0;
    int covered = 0;
    for (PromptData prompt : prompts) {
      double[] weights = prompt.weights().get(key);
      confusion = confusion.plus(KeptConfusion.of(prompt.utilities(), weights));
      boolean empty = Accuracy.keptNothing(weights);
      if (empty) {
        emptyKept++;
        if (policy == EmptyKeptPolicy.EXCLUDE) {
          continue; // removed from J(f) and J(f[w]) alike
        }
      }
      double jfx = Accuracy.ofPrompt(prompt.utilities());
      allAccuracy.add(jfx);
      // FALLBACK: an empty-kept prompt counts as unfiltered on both sides, contributing 0 to the
      // gap.
      keptAccuracy.add(empty ? jfx : Accuracy.ofKept(prompt.utilities(), weights));
      if (jfx >= 1) { // the same test as GapStatistics.relativeGapPerPrompt uses
        saturated++;
      }
      if (Correctness.countCorrect(prompt.utilities()) > 0) {
        covered++;
      }
    }
    double[] a = toArray(allAccuracy);
    double[] b = toArray(keptAccuracy);
    int used = a.length;
    // A strategy that kept nothing on any prompt has no filtered accuracy at all: its J(f[w]), gap
    // and relative gaps are absent (null), never a fallback 0 [0, 0].
    int filtered = emptyKept == prompts.size() ? 0 : used;
    Estimate jfw = bootstrap.estimate(filtered, m -> GapStatistics.jfw(b, m));
    double coverage = used == 0 ? Double.NaN : (double) covered / used;
    return new StrategyMetrics(
        key.verifier(),
        key.filter(),
        used,
        bootstrap.estimate(used, m -> GapStatistics.jf(a, m)),
        jfw,
        bootstrap.estimate(filtered, m -> GapStatistics.gap(a, b, m)),
        bootstrap.estimate(filtered, m -> GapStatistics.relativeGapPerPrompt(a, b, m)),
        bootstrap.estimate(filtered, m -> GapStatistics.relativeGapPooled(a, b, m)),
        saturated,
        emptyKept,
        confusion.keptFraction(),
        confusion.precision(),
        confusion.recall(),
        confusion.f1(),
        coverage - jfw.value());
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
