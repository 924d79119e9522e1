package io.gvgap.core.results;

/**
 * A model of the family and where its x came from.
 *
 * @param label the model label
 * @param flops pre-training FLOPs
 * @param source {@code spec} or the model card's path
 */
public record ScalingModel(String label, double flops, String source) {}
