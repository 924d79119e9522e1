package io.gvgap.core.results;

import java.util.List;

/**
 * One round of an improvement study: the evaluation of its model and, except after the last round,
 * the distillation that made the next model.
 *
 * @param round the round number, 0 for the base model
 * @param model the round's model directory
 * @param runDirectory the round's run directory
 * @param tasks metrics per task
 * @param distillation the distillation into round {@code round + 1}'s model; null after the last round
 */
public record RoundRecord(
    int round,
    String model,
    String runDirectory,
    List<RoundTaskMetrics> tasks,
    DistillationRecord distillation) {}
