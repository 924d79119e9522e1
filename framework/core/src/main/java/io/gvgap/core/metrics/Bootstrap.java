package io.gvgap.core.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile bootstrap over prompts: each draw resamples the prompts with replacement, and the
 * interval is the {@code (1-confidence)/2} and {@code (1+confidence)/2} percentiles (R-7, linear
 * interpolation) of the statistic over the draws.
 *
 * <p>Every call restarts a {@link SplittableRandom} from the seed, so statistics over the same number
 * of prompts see the same resamples (the intervals of {@code J(f)}, {@code J(f[w])} and the gap are
 * paired) and results do not depend on the order of calls. Draws on which the statistic is undefined
 * (NaN, e.g. no prompt with headroom in a resample) are left out; if all are, the interval is NaN.
 */
public final class Bootstrap {

  private final int draws;
  private final double confidence;
  private final long seed;

  /** A bootstrap with the settings' draws, confidence and seed. */
  public Bootstrap(MetricsSettings settings) {
    this.draws = settings.bootstrapDraws();
    this.confidence = settings.confidence();
    this.seed = settings.seed();
  }

  /**
   * The statistic on the observed prompts (every multiplicity 1) with its percentile interval.
   *
   * @param promptCount how many prompts the statistic is over; 0 gives {@link Estimate#undefined()}
   * @param statistic the statistic as a function of prompt multiplicities
   */
  public Estimate estimate(int promptCount, PromptStatistic statistic) {
    if (promptCount == 0) {
      return Estimate.undefined();
    }
    int[] multiplicity = new int[promptCount];
    Arrays.fill(multiplicity, 1);
    double value = statistic.evaluate(multiplicity);
    if (Double.isNaN(value)) {
      return Estimate.undefined();
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] results = new double[draws];
    int defined = 0;
    for (int d = 0; d < draws; d++) {
      Arrays.fill(multiplicity, 0);
      for (int i = 0; i < promptCount; i++) {
        multiplicity[random.nextInt(promptCount)]++;
      }
      double r = statistic.evaluate(multiplicity);
      if (!Double.isNaN(r)) {
        results[defined++] = r;
      }
    }
    if (defined == 0) {
      return new Estimate(value, Double.NaN, Double.NaN);
    }
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(results, 0, defined);
    double tail = (1 - confidence) / 2;
    return new Estimate(
        value, percentile.evaluate(100 * tail), percentile.evaluate(100 * (1 - tail)));
  }
}
