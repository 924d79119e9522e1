/**
 * The built-in filter strategies: how one example's verifier scores become weights.
 *
 * <ul>
 *   <li>{@code quantile} ({@link io.gvgap.filters.QuantileFilter}): exactly ⌈α·n⌉ of the example's n
 *       scored samples, the top-scored; ties at the cut broken by a seeded, recomputable key
 *       ({@link io.gvgap.filters.Ties}), or all kept with {@code ties: keep}.</li>
 *   <li>{@code threshold} ({@link io.gvgap.filters.ThresholdFilter}): score at least τ.</li>
 *   <li>{@code best-of-n} ({@link io.gvgap.filters.BestOfNFilter}): exactly one, the top score,
 *       ties broken by seed and example id.</li>
 *   <li>{@code top-k} ({@link io.gvgap.filters.TopKFilter}): exactly the k best, ties at the cut
 *       broken like {@code quantile}'s, or all kept with {@code ties: keep}.</li>
 *   <li>{@code softmax} ({@link io.gvgap.filters.SoftmaxFilter}): weights ∝ exp(score/β), summing
 *       to the number of scored samples.</li>
 *   <li>{@code majority} ({@link io.gvgap.filters.MajorityFilter}): the most common extracted
 *       answer(s); scores ignored.</li>
 * </ul>
 * Every filter gives NaN (unscored) samples weight 0. Each exposes its rule as a public static pure
 * function {@code weights(...)}; the providers are registered in
 * {@code META-INF/services/io.gvgap.api.filter.FilterProvider}.
 */
package io.gvgap.filters;
