package io.gvgap.core.metrics;

/**
 * How one verifier's scores relate to ground truth, over all samples of a group.
 *
 * @param verifier the verifier label
 * @param scoredSamples samples with a score
 * @param parseFailures samples whose score is NaN (no verdict could be parsed)
 * @param parseFailureRate {@code parseFailures / samples}
 * @param meanScore mean score over the scored samples; undefined when none
 * @param auroc {@link Auroc#of(double[], boolean[])} of score against correct, over the scored
 *     samples; undefined when they are all correct or all wrong
 */
public record VerifierMetrics(
    String verifier,
    int scoredSamples,
    int parseFailures,
    @NanAsNull double parseFailureRate,
    @NanAsNull double meanScore,
    @NanAsNull double auroc) {}
