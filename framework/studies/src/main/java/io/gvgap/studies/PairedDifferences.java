package io.gvgap.studies;

import io.gvgap.core.metrics.Accuracy;
import io.gvgap.core.metrics.Bootstrap;
import io.gvgap.core.metrics.Correctness;
import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PromptStatistic;
import io.gvgap.core.results.RoundDifference;
import io.gvgap.core.store.SampleRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paired round-to-round differences on an evaluation split: per prompt, the later round's value
 * minus the earlier round's; the mean over the prompts evaluated in both rounds, with the
 * percentile bootstrap of {@link Bootstrap} over prompts (a resample draws prompts, so each
 * prompt's two values move together).
 */
public final class PairedDifferences {

  private final MetricsSettings settings;

  /** @param settings the bootstrap's draws, confidence and seed */
  public PairedDifferences(MetricsSettings settings) {
    this.settings = settings;
  }

  /**
   * The mean of {@code to[x] - from[x]} with its interval.
   *
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public Estimate meanDifference(double[] from, double[] to) {
    if (from.length != to.length) {
      throw new IllegalArgumentException(
          "paired values differ in length: " + from.length + " and " + to.length);
    }
    double[] diff = new double[from.length];
    for (int x = 0; x < diff.length; x++) {
      diff[x] = to[x] - from[x];
    }
    return new Bootstrap(settings).estimate(diff.length, m -> PromptStatistic.mean(diff, m));
  }

  /**
   * The differences between two rounds' samples of one task on the prompts {@code ids}.
   *
   * @param arm the arm's name
   * @param task the task label
   * @param from the earlier round
   * @param to the later round
   * @param ids the evaluation split's example ids; those without samples in either round are left out
   * @param fromSamples the earlier round's samples per example id
   * @param toSamples the later round's samples per example id
   */
  public RoundDifference between(
      String arm,
      String task,
      int from,
      int to,
      List<String> ids,
      Map<String, List<SampleRecord>> fromSamples,
      Map<String, List<SampleRecord>> toSamples) {
    List<double[]> a = new ArrayList<>();
    List<double[]> b = new ArrayList<>();
    for (String id : ids) {
      List<SampleRecord> x = fromSamples.get(id);
      List<SampleRecord> y = toSamples.get(id);
      if (x == null || y == null || x.isEmpty() || y.isEmpty()) {
        continue;
      }
      a.add(utilities(x));
      b.add(utilities(y));
    }
    int n = a.size();
    double[] accFrom = new double[n];
    double[] accTo = new double[n];
    double[] covFrom = new double[n];
    double[] covTo = new double[n];
    for (int x = 0; x < n; x++) {
      accFrom[x] = Accuracy.ofPrompt(a.get(x));
      accTo[x] = Accuracy.ofPrompt(b.get(x));
      covFrom[x] = Correctness.countCorrect(a.get(x)) > 0 ? 1 : 0;
      covTo[x] = Correctness.countCorrect(b.get(x)) > 0 ? 1 : 0;
    }
    return new RoundDifference(
        arm, task, from, to, n, meanDifference(accFrom, accTo), meanDifference(covFrom, covTo));
  }

  private static double[] utilities(List<SampleRecord> samples) {
    return samples.stream().mapToDouble(SampleRecord::utility).toArray();
  }
}
