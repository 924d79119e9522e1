/**
 * Verifier plugins: how a model judges samples, giving each a proxy utility {@code û} in [0, 1].
 *
 * <p>A {@link io.gvgap.api.verify.Verifier} receives one example's
 * {@link io.gvgap.api.verify.Candidate}s and the judging model, and returns one
 * {@link io.gvgap.api.verify.Score} per candidate with the model's raw output. When no verdict can
 * be read, return {@link io.gvgap.api.verify.Score#failed}: the framework counts parse failures and
 * filters never keep unscored samples.
 *
 * <pre>{@code
 * public final class LengthVerifier implements VerifierProvider<NoOptions> {
 *   public String name() { return "short-is-good"; }
 *   public Class<NoOptions> optionsType() { return NoOptions.class; }
 *   public Verifier create(NoOptions o) {
 *     return request -> request.candidates().stream()
 *         .map(c -> Score.of(c.sampleIndex(), 1.0 / (1 + c.tokenCount()), "", ""))
 *         .toList();
 *   }
 * }
 * }</pre>
 * Register it in {@code META-INF/services/io.gvgap.api.verify.VerifierProvider}.
 */
@Stable
package io.gvgap.api.verify;

import io.gvgap.api.Stable;
