/**
 * Model backends: how gvgap opens a {@link io.gvgap.api.model.LanguageModel} that generates
 * samples and scores continuations.
 *
 * <p>A backend is a {@link io.gvgap.api.model.ModelBackend} whose options say which model (a
 * directory, an endpoint) and how (threads, device). Register it in
 * {@code META-INF/services/io.gvgap.api.model.ModelBackend}.
 *
 * <pre>{@code
 * public final class EchoBackend implements ModelBackend<EchoBackend.Options> {
 *   public record Options(@Option(description = "text every completion has") String text) {}
 *   public String name() { return "echo"; }
 *   public Class<Options> optionsType() { return Options.class; }
 *   public LanguageModel create(Options options) { return new EchoModel(options.text()); }
 * }
 * }</pre>
 *
 * <p>Results carry the id of their request; callers never match results to requests by position.
 * A sample's randomness depends only on (seed, request id, sample index), so results do not
 * change with batch size.
 */
@Stable
package io.gvgap.api.model;

import io.gvgap.api.Stable;
