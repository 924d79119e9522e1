package io.gvgap.core.results;

/**
 * How many slope intervals a scaling study made, so that a reader can weigh the ones that exclude 0.
 *
 * @param fits fits with a defined prompt-bootstrap slope interval
 * @param confidence the intervals' level
 * @param expectedByChance {@code fits * (1 - confidence)}: how many would exclude 0 by chance alone
 *     if no slope were real (and the fits were independent, which they are not)
 * @param excludingZeroOrdinary fits whose ordinary least-squares t-interval excludes 0
 * @param excludingZeroBootstrap fits whose prompt-bootstrap interval excludes 0
 * @param excludingZeroWeighted fits whose weighted-fit interval excludes 0
 * @param note the above in one sentence
 */
public record ScalingMultiplicity(
    int fits,
    double confidence,
    double expectedByChance,
    int excludingZeroOrdinary,
    int excludingZeroBootstrap,
    int excludingZeroWeighted,
    String note) {}
