package io.gvgap.api.filter;

import io.gvgap.api.Provider;
import io.gvgap.api.Stable;

/**
 * Service interface for filter strategies, registered in
 * {@code META-INF/services/io.gvgap.api.filter.FilterProvider}.
 *
 * @param <O> the filter's options record
 */
@Stable
public interface FilterProvider<O extends Record> extends Provider<O, FilterStrategy> {}
