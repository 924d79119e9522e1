package io.gvgap.core.results;

import java.util.List;

/**
 * One round of one arm of an improvement study: the evaluation of its model on both splits and,
 * except after the last round, the distillation (from the train split) that made the next model.
 *
 * @param round the round number, 0 for the base model
 * @param model the round's model directory
 * @param runDirectory the round's run directory
 * @param evaluation metrics per task on the evaluation split (never distilled from)
 * @param train metrics per task on the train split (the prompts the distillation read)
 * @param distillation the distillation into round {@code round + 1}'s model; null after the last round
 */
public record RoundRecord(
    int round,
    String model,
    String runDirectory,
    List<RoundTaskMetrics> evaluation,
    List<RoundTaskMetrics> train,
    DistillationRecord distillation) {}
