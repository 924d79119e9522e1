package io.gvgap.studies;

import io.gvgap.core.metrics.GapStatistics;
import io.gvgap.core.metrics.StrategyPrompts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One strategy's gap statistics on prompt resamples drawn jointly for a whole family: draw {@code d}
 * resamples the task's prompt ids (the union over the models, in a fixed order) with replacement, as
 * {@link io.gvgap.core.metrics.Bootstrap} does (a {@link SplittableRandom} restarted from the seed,
 * {@code ids} calls of {@code nextInt(ids)} per draw), so every model and strategy sees the same ids
 * with the same multiplicities in draw {@code d}. A model's prompt that is not among the ids it has
 * data for simply does not count for it.
 *
 * @param gap {@code J(f[w]) - J(f)} per draw
 * @param relativeGapPooled per draw; NaN when undefined on that resample
 * @param relativeGapPerPrompt per draw; NaN when undefined on that resample
 */
record JointResample(double[] gap, double[] relativeGapPooled, double[] relativeGapPerPrompt) {

  /**
   * The statistics of {@code prompts} on {@code draws} joint resamples of {@code ids}.
   *
   * @param prompts one model's per-prompt accuracies of one strategy
   * @param ids the task's prompt ids, the order the resamples index
   * @param position the position of each id in {@code ids}
   * @throws IllegalArgumentException when a prompt's id is not among {@code ids}
   */
  static JointResample of(
      StrategyPrompts prompts,
      List<String> ids,
      Map<String, Integer> position,
      int draws,
      long seed) {
    int[] at = new int[prompts.exampleIds().size()];
    for (int j = 0; j < at.length; j++) {
      Integer p = position.get(prompts.exampleIds().get(j));
      if (p == null) {
        throw new IllegalArgumentException(
            "prompt '" + prompts.exampleIds().get(j) + "' is not among the task's prompt ids");
      }
      at[j] = p;
    }
    double[] gap = new double[draws];
    double[] pooled = new double[draws];
    double[] perPrompt = new double[draws];
    int[] joint = new int[ids.size()];
    int[] local = new int[at.length];
    SplittableRandom random = new SplittableRandom(seed);
    for (int d = 0; d < draws; d++) {
      Arrays.fill(joint, 0);
      for (int i = 0; i < joint.length; i++) {
        joint[random.nextInt(joint.length)]++;
      }
      for (int j = 0; j < at.length; j++) {
        local[j] = joint[at[j]];
      }
      if (Arrays.stream(local).allMatch(m -> m == 0)) {
        gap[d] = Double.NaN; // none of this model's prompts drawn: nothing to measure
        pooled[d] = Double.NaN;
        perPrompt[d] = Double.NaN;
        continue;
      }
      gap[d] = GapStatistics.gap(prompts.a(), prompts.b(), local);
      pooled[d] = GapStatistics.relativeGapPooled(prompts.a(), prompts.b(), local);
      perPrompt[d] = GapStatistics.relativeGapPerPrompt(prompts.a(), prompts.b(), local);
    }
    return new JointResample(gap, pooled, perPrompt);
  }
}
