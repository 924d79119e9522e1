package io.gvgap.core.results;

import io.gvgap.core.metrics.NanAsNull;

/**
 * One model's point in a scaling fit.
 *
 * @param model the model label
 * @param flops its pre-training FLOPs
 * @param log10Flops the x of the fit
 * @param value the y of the fit (null when undefined, e.g. no prompt with headroom)
 * @param lower the lower end of the value's bootstrap interval over prompts
 * @param upper the upper end
 */
public record ScalingPoint(
    String model,
    double flops,
    double log10Flops,
    @NanAsNull double value,
    @NanAsNull double lower,
    @NanAsNull double upper) {}
