package io.gvgap.core.metrics;

/**
 * The generation-verification gap of one (verifier, filter) strategy and how well its "kept"
 * decision matches correctness. Formulas are in {@link GapStatistics}, {@link KeptConfusion} and
 * {@link MetricsCalculator}.
 *
 * @param verifier the verifier label of the strategy
 * @param filter the filter label of the strategy
 * @param promptsUsed prompts that {@code jf}, {@code jfw} and the gaps are over: all prompts under
 *     {@link EmptyKeptPolicy#FALLBACK}, the prompts that kept something under
 *     {@link EmptyKeptPolicy#EXCLUDE}
 * @param jf {@code J(f)}, accuracy of all samples, over the prompts used
 * @param jfw {@code J(f[w])}, weighted accuracy of what the filter keeps, over the same prompts
 * @param gap {@code J(f[w]) - J(f)}
 * @param relativeGapPerPrompt mean over used prompts with headroom of
 *     {@code (J_x(f[w]) - J_x(f)) / (1 - J_x(f))}
 * @param relativeGapPooled {@code gap / (1 - J(f))}
 * @param saturatedPrompts used prompts with {@code J_x(f) = 1}, left out of the per-prompt relative gap
 * @param emptyKeptPrompts prompts of the group whose weights are all 0 (counted under either policy);
 *     when it equals the group's prompts the strategy kept nothing at all, and {@code jfw}, the gap
 *     and the relative gaps are undefined (never 0)
 * @param keptFraction samples with weight {@code > 0} over all samples of the group
 * @param precision of "kept" against "correct", pooled over all samples; undefined when none kept
 * @param recall of "kept" against "correct"; undefined when no sample is correct
 * @param f1 {@code 2TP / (2TP + FP + FN)}; undefined when nothing is kept and nothing is correct
 * @param oracleMinusSelected coverage (pass@N) over the used prompts minus {@code J(f[w])}
 * @param askedFraction the samples the filter was asked to keep over all samples of the group
 *     ({@code quantile}'s ⌈α·n⌉, {@code top-k}'s k, {@code best-of-n}'s 1 per prompt), beside the
 *     achieved {@code keptFraction}; NaN for a filter that keeps by score
 */
public record StrategyMetrics(
    String verifier,
    String filter,
    int promptsUsed,
    Estimate jf,
    Estimate jfw,
    Estimate gap,
    Estimate relativeGapPerPrompt,
    Estimate relativeGapPooled,
    int saturatedPrompts,
    int emptyKeptPrompts,
    @NanAsNull double keptFraction,
    @NanAsNull double precision,
    @NanAsNull double recall,
    @NanAsNull double f1,
    @NanAsNull double oracleMinusSelected,
    @NanAsNull double askedFraction) {

  /** Metrics whose asked fraction is not (yet) known. */
  public StrategyMetrics(
      String verifier,
      String filter,
      int promptsUsed,
      Estimate jf,
      Estimate jfw,
      Estimate gap,
      Estimate relativeGapPerPrompt,
      Estimate relativeGapPooled,
      int saturatedPrompts,
      int emptyKeptPrompts,
      double keptFraction,
      double precision,
      double recall,
      double f1,
      double oracleMinusSelected) {
    this(
        verifier,
        filter,
        promptsUsed,
        jf,
        jfw,
        gap,
        relativeGapPerPrompt,
        relativeGapPooled,
        saturatedPrompts,
        emptyKeptPrompts,
        keptFraction,
        precision,
        recall,
        f1,
        oracleMinusSelected,
        Double.NaN);
  }

  /** These metrics with the asked kept fraction. */
  public StrategyMetrics withAskedFraction(double fraction) {
    return new StrategyMetrics(
        verifier,
        filter,
        promptsUsed,
        jf,
        jfw,
        gap,
        relativeGapPerPrompt,
        relativeGapPooled,
        saturatedPrompts,
        emptyKeptPrompts,
        keptFraction,
        precision,
        recall,
        f1,
        oracleMinusSelected,
        fraction);
  }

  /** The strategy this row is about. */
  public StrategyKey key() {
    return new StrategyKey(verifier, filter);
  }
}
