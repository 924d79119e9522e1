package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.core.metrics.EmptyKeptPolicy;
import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.results.RoundDifference;
import io.gvgap.core.store.SampleRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Paired round-to-round differences: the point values computed by hand, the intervals against a
 * brute-force percentile bootstrap written out here (same resampling draws: {@link
 * SplittableRandom} from the seed, one {@code nextInt(n)} per prompt per draw; R-7 percentiles).
 */
class PairedDifferencesTest {

  private static final MetricsSettings SETTINGS =
      new MetricsSettings(400, 0.9, 17, List.of(1), EmptyKeptPolicy.FALLBACK);

  private static List<SampleRecord> samples(String id, double... utilities) {
    List<SampleRecord> list = new ArrayList<>();
    for (int i = 0; i < utilities.length; i++) {
      list.add(new SampleRecord("m", "t", id, i, "s" + i, 1, null, "stop", "a", utilities[i]));
    }
    return list;
  }

  @Test
  void differencesOfAccuracyAndPassAtNMatchAHandComputation() {
    Map<String, List<SampleRecord>> round0 = new LinkedHashMap<>();
    round0.put("a", samples("a", 1, 1, 0, 0)); // accuracy 0.5, covered
    round0.put("b", samples("b", 0, 0, 0, 0)); // 0, not covered
    round0.put("c", samples("c", 1, 0, 0, 0)); // 0.25, covered
    round0.put("train-only", samples("train-only", 1, 1, 1, 1));
    Map<String, List<SampleRecord>> round1 = new LinkedHashMap<>();
    round1.put("a", samples("a", 0, 0, 0, 0)); // 0, not covered
    round1.put("b", samples("b", 1, 0, 0, 0)); // 0.25, covered
    round1.put("c", samples("c", 0, 0, 0, 0)); // 0, not covered
    round1.put("train-only", samples("train-only", 0, 0, 0, 0));
    // "d" has no samples in round 1, so it is not paired; "train-only" is not among the ids
    round0.put("d", samples("d", 1, 1, 1, 1));

    RoundDifference d = new PairedDifferences(SETTINGS)
        .between("self", "t", 0, 1, List.of("a", "b", "c", "d"), round0, round1);
    assertThat(d.prompts()).isEqualTo(3);
    // accuracy differences -0.5, +0.25, -0.25: mean -0.5/3
    assertThat(d.accuracy().value()).isCloseTo(-0.5 / 3, within(1e-12));
    // pass@N differences -1, +1, -1: mean -1/3
    assertThat(d.passAtN().value()).isCloseTo(-1.0 / 3, within(1e-12));
    assertClose(d.accuracy(), bruteForce(new double[] {-0.5, 0.25, -0.25}, SETTINGS));
    assertClose(d.passAtN(), bruteForce(new double[] {-1, 1, -1}, SETTINGS));
  }

  @Test
  void theIntervalOfAMeanDifferenceMatchesABruteForceBootstrap() {
    SplittableRandom data = new SplittableRandom(5);
    double[] from = new double[37];
    double[] to = new double[37];
    double[] diff = new double[37];
    for (int i = 0; i < from.length; i++) {
      from[i] = data.nextInt(9) / 8.0;
      to[i] = data.nextInt(9) / 8.0;
      diff[i] = to[i] - from[i];
    }
    Estimate e = new PairedDifferences(SETTINGS).meanDifference(from, to);
    assertThat(e.value()).isCloseTo(Arrays.stream(diff).average().orElseThrow(), within(1e-12));
    assertClose(e, bruteForce(diff, SETTINGS));
    assertThat(e.lower()).isLessThan(e.value());
    assertThat(e.upper()).isGreaterThan(e.value());
  }

  @Test
  void identicalRoundsDifferByExactlyZero() {
    Estimate e = new PairedDifferences(SETTINGS)
        .meanDifference(new double[] {0.25, 0.5, 1}, new double[] {0.25, 0.5, 1});
    assertThat(e).isEqualTo(new Estimate(0, 0, 0));
  }

  private static void assertClose(Estimate actual, Estimate expected) {
    assertThat(actual.value()).isCloseTo(expected.value(), within(1e-12));
    assertThat(actual.lower()).isCloseTo(expected.lower(), within(1e-12));
    assertThat(actual.upper()).isCloseTo(expected.upper(), within(1e-12));
  }

  /** Resample the prompts, take the mean difference, sort, interpolate percentiles. */
  private static Estimate bruteForce(double[] diff, MetricsSettings settings) {
    int n = diff.length;
    SplittableRandom random = new SplittableRandom(settings.seed());
    double[] means = new double[settings.bootstrapDraws()];
    for (int d = 0; d < means.length; d++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += diff[random.nextInt(n)];
      }
      means[d] = sum / n;
    }
    Arrays.sort(means);
    double tail = (1 - settings.confidence()) / 2;
    double mean = Arrays.stream(diff).sum() / n;
    return new Estimate(mean, r7(means, tail), r7(means, 1 - tail));
  }

  private static double r7(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
