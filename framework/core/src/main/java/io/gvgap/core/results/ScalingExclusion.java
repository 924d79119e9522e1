package io.gvgap.core.results;

/**
 * A model of the family left out of one scaling fit, and why (e.g. every sample correct: the
 * relative gap is 0/0).
 *
 * @param model the model label
 * @param reason why its point is undefined, in words
 */
public record ScalingExclusion(String model, String reason) {}
