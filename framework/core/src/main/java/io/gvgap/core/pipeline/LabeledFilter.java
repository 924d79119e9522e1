package io.gvgap.core.pipeline;

import io.gvgap.api.filter.FilterStrategy;

/**
 * A configured filter with the label it has in the spec and reports ({@code quantile(alpha=0.25)}).
 *
 * @param label the label
 * @param filter the strategy
 */
public record LabeledFilter(String label, FilterStrategy filter) {}
