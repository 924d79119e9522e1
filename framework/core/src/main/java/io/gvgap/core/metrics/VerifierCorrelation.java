package io.gvgap.core.metrics;

/**
 * Agreement between two verifiers' scores over the samples that both scored.
 *
 * @param first the verifier label that sorts first
 * @param second the other verifier label
 * @param n the number of samples both scored
 * @param pearson Pearson's r; undefined when {@code n < 2} or a side is constant
 * @param spearman Spearman's rho (ties get average ranks); undefined likewise
 */
public record VerifierCorrelation(
    String first,
    String second,
    int n,
    @NanAsNull double pearson,
    @NanAsNull double spearman) {}
