package io.gvgap.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Computes the {@link GroupMetrics} of one group of prompts (one model x task): accuracy, pass@k,
 * coverage, per-verifier quality, per-strategy gaps and verifier correlations.
 *
 * <p>Prompts may have different sample counts: every accuracy is a mean over prompts of per-prompt
 * means, pass@k uses each prompt's own {@code n}, and pooled rates (kept fraction, precision/recall,
 * parse failures, extraction failures) divide by the total number of samples.
 *
 * <p>Definitions not given elsewhere: extraction failure rate = samples with no extracted answer /
 * samples; coverage = pass@N = prompts with at least one correct sample / prompts.
 */
public final class MetricsCalculator {

  private final MetricsSettings settings;
  private final Bootstrap bootstrap;

  /** A calculator with the given settings. */
  public MetricsCalculator(MetricsSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.bootstrap = new Bootstrap(settings);
  }

  /**
   * All metrics of the group.
   *
   * @param prompts the group's prompts; each example once, all with the same verifier labels and
   *     strategies, each with at least as many samples as the largest k of pass@k
   * @throws IllegalArgumentException naming the prompt and what to fix when the group is inconsistent
   */
  public GroupMetrics compute(List<PromptData> prompts) {
    GroupChecks.check(prompts, settings);
    int promptCount = prompts.size();
    int samples = 0;
    int extractionFailures = 0;
    int covered = 0;
    double[] accuracy = new double[promptCount];
    for (int x = 0; x < promptCount; x++) {
      PromptData prompt = prompts.get(x);
      samples += prompt.sampleCount();
      for (boolean found : prompt.answerFound()) {
        if (!found) {
          extractionFailures++;
        }
      }
      if (Correctness.countCorrect(prompt.utilities()) > 0) {
        covered++;
      }
      accuracy[x] = Accuracy.ofPrompt(prompt.utilities());
    }
    return new GroupMetrics(
        promptCount,
        samples,
        bootstrap.estimate(promptCount, m -> PromptStatistic.mean(accuracy, m)),
        (double) extractionFailures / samples,
        (double) covered / promptCount,
        passAtK(prompts),
        verifiers(prompts),
        strategies(prompts),
        correlations(prompts));
  }

  private List<PassAtK> passAtK(List<PromptData> prompts) {
    List<PassAtK> result = new ArrayList<>();
    for (int k : settings.passAtK()) {
      double[] perPrompt = prompts.stream()
          .mapToDouble(p -> UnbiasedPassAtK.probability(
              p.sampleCount(), Correctness.countCorrect(p.utilities()), k))
          .toArray();
      result.add(new PassAtK(
          k, bootstrap.estimate(perPrompt.length, m -> PromptStatistic.mean(perPrompt, m))));
    }
    return result;
  }

  private static List<VerifierMetrics> verifiers(List<PromptData> prompts) {
    List<VerifierMetrics> result = new ArrayList<>();
    for (String verifier : new TreeSet<>(prompts.get(0).scores().keySet())) {
      result.add(VerifierCalculator.compute(verifier, prompts));
    }
    return result;
  }

  private List<StrategyMetrics> strategies(List<PromptData> prompts) {
    List<StrategyKey> keys = new ArrayList<>(prompts.get(0).weights().keySet());
    keys.sort(Comparator.comparing(StrategyKey::verifier).thenComparing(StrategyKey::filter));
    StrategyCalculator calculator = new StrategyCalculator(bootstrap, settings.emptyKept());
    List<StrategyMetrics> result = new ArrayList<>();
    for (StrategyKey key : keys) {
      result.add(calculator.compute(key, prompts));
    }
    return result;
  }

  private static List<VerifierCorrelation> correlations(List<PromptData> prompts) {
    List<String> labels = new ArrayList<>(new TreeSet<>(prompts.get(0).scores().keySet()));
    List<VerifierCorrelation> result = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        result.add(CorrelationCalculator.compute(labels.get(i), labels.get(j), prompts));
      }
    }
    return result;
  }
}
