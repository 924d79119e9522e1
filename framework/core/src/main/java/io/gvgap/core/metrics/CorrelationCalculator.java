package io.gvgap.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/** Computes the {@link VerifierCorrelation} of two verifier labels over a validated group. */
final class CorrelationCalculator {

  private CorrelationCalculator() {}

  /** Pearson and Spearman correlation over the samples that both verifiers scored. */
  static VerifierCorrelation compute(String first, String second, List<PromptData> prompts) {
    List<double[]> pairs = new ArrayList<>();
    for (PromptData prompt : prompts) {
      double[] x = prompt.scores().get(first);
      double[] y = prompt.scores().get(second);
      for (int i = 0; i < x.length; i++) {
        if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
          pairs.add(new double[] {x[i], y[i]});
        }
      }
    }
    int n = pairs.size();
    double[] xs = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] ys = pairs.stream().mapToDouble(p -> p[1]).toArray();
    if (n < 2 || constant(xs) || constant(ys)) {
      return new VerifierCorrelation(first, second, n, Double.NaN, Double.NaN);
    }
    return new VerifierCorrelation(
        first,
        second,
        n,
        new PearsonsCorrelation().correlation(xs, ys),
        new SpearmansCorrelation().correlation(xs, ys));
  }

  private static boolean constant(double[] values) {
    return Arrays.stream(values).allMatch(v -> v == values[0]);
  }
}
