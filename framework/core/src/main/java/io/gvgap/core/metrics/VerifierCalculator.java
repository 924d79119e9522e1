package io.gvgap.core.metrics;

import java.util.Arrays;
import java.util.List;

/** Computes {@link VerifierMetrics} for one verifier label over a validated group of prompts. */
final class VerifierCalculator {

  private VerifierCalculator() {}

  static VerifierMetrics compute(String verifier, List<PromptData> prompts) {
    int samples = 0;
    for (PromptData prompt : prompts) {
      samples += prompt.sampleCount();
    }
    double[] scored = new double[samples];
    boolean[] correct = new boolean[samples];
    int count = 0;
    double sum = 0;
    for (PromptData prompt : prompts) {
      double[] scores = prompt.scores().get(verifier);
      for (int i = 0; i < scores.length; i++) {
        if (!Double.isNaN(scores[i])) {
          scored[count] = scores[i];
          correct[count] = Correctness.isCorrect(prompt.utilities()[i]);
          sum += scores[i];
          count++;
        }
      }
    }
    int failures = samples - count;
    double[] usedScores = Arrays.copyOf(scored, count);
    boolean[] usedCorrect = Arrays.copyOf(correct, count);
    return new VerifierMetrics(
        verifier,
        count,
        failures,
        (double) failures / samples,
        count == 0 ? Double.NaN : sum / count,
        Auroc.of(usedScores, usedCorrect));
  }
}
