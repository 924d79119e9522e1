package io.gvgap.core.results;

import io.gvgap.core.metrics.NanAsNull;

/**
 * How one round's kept samples became the next round's model.
 *
 * @param fromModel the model directory fine-tuned (the round's model, or the base model under restart)
 * @param toModel the new model directory
 * @param sftSet the SFT set file (JSON Lines)
 * @param keptSamples samples the strategy kept
 * @param distinctSamples samples left after deduplication (the SFT set's size)
 * @param deduplicator how duplicates were found
 * @param keptAccuracy mean utility of the SFT set (measured against ground truth; never used to select)
 * @param steps optimizer steps taken
 * @param tokensSeen tokens trained on
 * @param finalLoss the mean loss of the last steps
 */
public record DistillationRecord(
    String fromModel,
    String toModel,
    String sftSet,
    int keptSamples,
    int distinctSamples,
    String deduplicator,
    @NanAsNull double keptAccuracy,
    long steps,
    long tokensSeen,
    @NanAsNull double finalLoss) {}
