package io.gvgap.core.metrics;

/**
 * Unbiased pass@k of a group, defined in {@link UnbiasedPassAtK#probability(int, int, int)}.
 *
 * @param k the number of samples drawn
 * @param estimate mean over prompts, with bootstrap interval
 */
public record PassAtK(int k, Estimate estimate) {}
