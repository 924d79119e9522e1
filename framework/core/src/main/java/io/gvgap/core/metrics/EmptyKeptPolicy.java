package io.gvgap.core.metrics;

/**
 * What the metrics do with a prompt whose filter kept nothing (all weights 0), which has no filtered
 * accuracy {@code J_x(f[w])}. Either way such prompts are counted in
 * {@link StrategyMetrics#emptyKeptPrompts()} (reported as "nothing kept on k of n prompts"), and a
 * prompt is never dropped from one side of the gap only. Under either policy a strategy that kept
 * nothing on every prompt has no {@code J(f[w])}, gap or relative gap: they are absent ({@code null}
 * in {@code metrics.json}, "—" in tables), never a zero gap.
 */
public enum EmptyKeptPolicy {
  /**
   * Default: {@code J_x(f[w]) := J_x(f)}. The prompt stays in both {@code J(f)} and {@code J(f[w])}
   * and contributes 0 to the gap, as if the user fell back to an unfiltered sample.
   */
  FALLBACK,
  /** The prompt is removed from both {@code J(f)} and {@code J(f[w])} of that strategy. */
  EXCLUDE
}
