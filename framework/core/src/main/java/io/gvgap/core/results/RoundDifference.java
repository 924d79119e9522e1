package io.gvgap.core.results;

import io.gvgap.core.metrics.Estimate;

/**
 * A paired difference between two rounds of one arm on one task's evaluation split: the mean over
 * the prompts evaluated in both rounds of (value in round {@code to}) − (value in round {@code
 * from}), with a percentile bootstrap interval that resamples prompts (both rounds' values of a
 * prompt move together).
 *
 * @param arm {@code self} (the self-verified arm) or {@code oracle} (the oracle control arm)
 * @param task the task label
 * @param from the earlier round
 * @param to the later round
 * @param prompts the prompts paired (evaluation-split prompts complete in both rounds)
 * @param accuracy the difference in per-prompt accuracy {@code J(f)} (the mean utility of the samples)
 * @param passAtN the difference in per-prompt pass@N (1 when some sample is correct)
 */
public record RoundDifference(
    String arm, String task, int from, int to, int prompts, Estimate accuracy, Estimate passAtN) {}
