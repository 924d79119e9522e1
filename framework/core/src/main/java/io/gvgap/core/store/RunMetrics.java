package io.gvgap.core.store;

import java.util.List;

/**
 * The contents of {@code metrics.json}: one result per model and task.
 *
 * @param run the run's name
 * @param partial whether some examples were incomplete (an interrupted run)
 * @param groups one entry per (model, task)
 */
public record RunMetrics(String run, boolean partial, List<GroupResult> groups) {}
