/**
 * The metrics of gvgap: the generation-verification gap and what users read beside it.
 *
 * <p>Input: one {@link io.gvgap.core.metrics.PromptData} per prompt of a model x task (utilities,
 * extraction flags, each verifier's scores and each strategy's weights, aligned by sample index).
 * Output: {@link io.gvgap.core.metrics.MetricsCalculator#compute(java.util.List)} returns a
 * {@link io.gvgap.core.metrics.GroupMetrics}, plain records that Jackson writes as JSON; an undefined
 * number is NaN in Java and {@code null} in JSON ({@link io.gvgap.core.metrics.NanAsNull}).
 *
 * <pre>{@code
 * GroupMetrics m = new MetricsCalculator(MetricsSettings.defaults()).compute(prompts);
 * new ObjectMapper().writeValue(path.toFile(), m);
 * }</pre>
 *
 * <p>Where each number is defined: correct ({@link io.gvgap.core.metrics.Correctness}), per-prompt
 * accuracies ({@link io.gvgap.core.metrics.Accuracy}), J(f), J(f[w]), gap and both relative gaps
 * ({@link io.gvgap.core.metrics.GapStatistics}), prompts whose filter kept nothing
 * ({@link io.gvgap.core.metrics.EmptyKeptPolicy}), pass@k
 * ({@link io.gvgap.core.metrics.UnbiasedPassAtK}), AUROC ({@link io.gvgap.core.metrics.Auroc}),
 * precision/recall/F1 of kept samples ({@link io.gvgap.core.metrics.KeptConfusion}), confidence
 * intervals ({@link io.gvgap.core.metrics.Bootstrap}).
 */
package io.gvgap.core.metrics;
