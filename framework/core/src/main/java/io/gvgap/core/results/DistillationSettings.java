package io.gvgap.core.results;

/**
 * How each round distils its kept samples into the next model.
 *
 * @param steps optimizer steps per distillation
 * @param learningRate peak learning rate (AdamW, 10 % warm-up, cosine to 10 %)
 * @param batch sequences per step
 * @param checkpointEvery steps between checkpoints (a killed distillation resumes from the last)
 * @param seed seed of the batch order
 */
public record DistillationSettings(
    int steps, double learningRate, int batch, int checkpointEvery, long seed) {}
