package io.gvgap.core.store;

import io.gvgap.core.metrics.GroupMetrics;

/**
 * The metrics of one model on one task.
 *
 * @param model the model's label
 * @param task the task's label
 * @param incompleteExamples examples left out because some sample or some verifier's scores are
 *     missing (non-zero only for a partial, interrupted run)
 * @param metrics the metrics over the complete examples
 */
public record GroupResult(
    String model, String task, int incompleteExamples, GroupMetrics metrics) {}
