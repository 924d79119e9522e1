package io.gvgap.core.pipeline;

import io.gvgap.core.metrics.GroupMetrics;

/**
 * One point of a samples-per-prompt curve: the metrics of one (model, task) group computed on the
 * first {@code samples} samples of each of its prompts.
 *
 * @param model the model label
 * @param task the task label
 * @param samples samples per prompt (N) the metrics were computed on
 * @param prompts prompts that entered (complete ones with at least N samples)
 * @param metrics the group's metrics at N, as {@code metrics.json} holds them for a whole run
 */
public record CurvePoint(
    String model, String task, int samples, int prompts, GroupMetrics metrics) {}
