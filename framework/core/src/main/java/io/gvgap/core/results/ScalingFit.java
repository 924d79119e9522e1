package io.gvgap.core.results;

import java.util.List;

/**
 * One measure of one strategy across the family, with its least-squares line in log10 FLOPs.
 *
 * @param task the task label
 * @param verifier the verifier label
 * @param filter the filter label
 * @param measure {@code relative-gap-pooled}, {@code relative-gap-per-prompt} or {@code gap}
 * @param points one per model, in spec order
 * @param fit the line through the defined points
 */
public record ScalingFit(
    String task,
    String verifier,
    String filter,
    String measure,
    List<ScalingPoint> points,
    LineFit fit) {}
