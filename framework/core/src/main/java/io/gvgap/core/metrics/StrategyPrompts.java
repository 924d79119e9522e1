package io.gvgap.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One strategy's per-prompt accuracies, the inputs of every {@link GapStatistics} function: for each
 * prompt that takes part, its id, {@code a_x = J_x(f)} and {@code b_x = J_x(f[w])}, with the
 * {@link EmptyKeptPolicy} applied exactly as {@link MetricsCalculator} applies it (an empty-kept
 * prompt has {@code b_x = a_x} under {@code FALLBACK} and is left out under {@code EXCLUDE}). What a
 * study needs to recompute a strategy's gap on resampled prompts. A strategy that kept nothing on
 * any prompt has no filtered accuracy ({@link MetricsCalculator} gives it no gap): every
 * {@code b_x} is then NaN, so no resample gives it a gap either. (A resample that happens to draw
 * only a strategy's empty-kept prompts still counts them by the policy, as the point estimate would
 * if those were all its prompts but one.)
 *
 * @param exampleIds the ids of the prompts that take part, in input order
 * @param a {@code J_x(f)} per prompt, aligned with {@code exampleIds}
 * @param b {@code J_x(f[w])} per prompt, aligned with {@code exampleIds}
 */
public record StrategyPrompts(List<String> exampleIds, double[] a, double[] b) {

  /** Copies the id list; checks that the three are aligned. */
  public StrategyPrompts {
    exampleIds = List.copyOf(exampleIds);
    if (a.length != exampleIds.size() || b.length != exampleIds.size()) {
      throw new IllegalArgumentException("strategy prompts need one a and one b per prompt, got "
          + exampleIds.size() + " ids, " + a.length + " a and " + b.length + " b");
    }
  }

  /**
   * The per-prompt accuracies of strategy {@code key} over {@code prompts}.
   *
   * @throws IllegalArgumentException naming the prompt when one has no weights for {@code key}
   */
  public static StrategyPrompts of(
      StrategyKey key, List<PromptData> prompts, EmptyKeptPolicy policy) {
    List<String> ids = new ArrayList<>();
    double[] a = new double[prompts.size()];
    double[] b = new double[prompts.size()];
    int used = 0;
    boolean keptSomething = false;
    for (PromptData prompt : prompts) {
      double[] weights = prompt.weights().get(key);
      if (weights == null) {
        throw new IllegalArgumentException("prompt '" + prompt.exampleId() + "' has no weights for "
            + key.verifier() + " / " + key.filter());
      }
      boolean empty = Accuracy.keptNothing(weights);
      keptSomething |= !empty;
      if (empty && policy == EmptyKeptPolicy.EXCLUDE) {
        continue;
      }
      double jfx = Accuracy.ofPrompt(prompt.utilities());
      ids.add(prompt.exampleId());
      a[used] = jfx;
      b[used] = empty ? jfx : Accuracy.ofKept(prompt.utilities(), weights);
      used++;
    }
    double[] kept = Arrays.copyOf(b, used);
    if (!keptSomething) {
      Arrays.fill(kept, Double.NaN);
    }
    return new StrategyPrompts(ids, Arrays.copyOf(a, used), kept);
  }
}
