/**
 * Filter strategies: how an example's verifier scores become weights, that is, which samples are
 * kept (quantile, threshold, best-of-N, top-k, softmax, majority).
 *
 * <pre>{@code
 * public final class AboveHalf implements FilterProvider<NoOptions> {
 *   public String name() { return "above-half"; }
 *   public Class<NoOptions> optionsType() { return NoOptions.class; }
 *   public FilterStrategy create(NoOptions o) {
 *     return (scores, ctx) -> java.util.Arrays.stream(scores).map(s -> s >= 0.5 ? 1 : 0).toArray();
 *   }
 * }
 * }</pre>
 * ({@code NaN >= 0.5} is false, so unscored samples get weight 0 as required.) Register it in
 * {@code META-INF/services/io.gvgap.api.filter.FilterProvider}.
 */
@Stable
package io.gvgap.api.filter;

import io.gvgap.api.Stable;
