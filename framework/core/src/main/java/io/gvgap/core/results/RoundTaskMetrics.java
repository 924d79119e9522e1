package io.gvgap.core.results;

import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.NanAsNull;
import io.gvgap.core.metrics.PassAtK;
import io.gvgap.core.metrics.StrategyMetrics;
import java.util.List;

/**
 * One round's metrics on one task, as in {@code rounds.json}.
 *
 * @param task the task label
 * @param prompts prompts evaluated
 * @param accuracy {@code J(f)} with its bootstrap interval
 * @param coverage pass@N
 * @param passAtK unbiased pass@k for the spec's k values (the improve command asks for k = 1..N)
 * @param strategies the gap, relative gaps and kept fraction of every verifier x filter
 * @param diversity effective diversity of the round's samples (the definition of {@code diversity.json})
 */
public record RoundTaskMetrics(
    String task,
    int prompts,
    Estimate accuracy,
    @NanAsNull double coverage,
    List<PassAtK> passAtK,
    List<StrategyMetrics> strategies,
    DiversitySummary diversity) {}
