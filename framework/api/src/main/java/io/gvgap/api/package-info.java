/**
 * The contracts gvgap plugin authors compile against; this module has no third-party dependencies.
 *
 * <h2>The four extension points</h2>
 * <ul>
 *   <li>{@link io.gvgap.api.task.TaskProvider}: a benchmark (examples, prompts, answer extraction,
 *       utility, verification prompt formats).</li>
 *   <li>{@link io.gvgap.api.verify.VerifierProvider}: how a model judges its own samples.</li>
 *   <li>{@link io.gvgap.api.filter.FilterProvider}: how scores become weights (what is kept).</li>
 *   <li>{@link io.gvgap.api.model.ModelBackend}: how a language model is opened.</li>
 * </ul>
 * Each is a {@link io.gvgap.api.Provider}: a name, a typed options record and a factory method.
 *
 * <h2>A minimal provider</h2>
 * <pre>{@code
 * package com.example;
 *
 * public final class KeepAllFilter implements FilterProvider<NoOptions> {
 *   public String name() { return "keep-all"; }
 *   public Class<NoOptions> optionsType() { return NoOptions.class; }
 *   public FilterStrategy create(NoOptions options) {
 *     return (scores, context) -> {
 *       double[] w = new double[scores.length];
 *       for (int i = 0; i < w.length; i++) w[i] = Double.isNaN(scores[i]) ? 0 : 1;
 *       return w;
 *     };
 *   }
 * }
 * }</pre>
 * Register it in the file {@code META-INF/services/io.gvgap.api.filter.FilterProvider} of your jar,
 * one fully qualified class name per line:
 * <pre>com.example.KeepAllFilter</pre>
 * The service file names are {@code META-INF/services/io.gvgap.api.task.TaskProvider},
 * {@code META-INF/services/io.gvgap.api.verify.VerifierProvider},
 * {@code META-INF/services/io.gvgap.api.filter.FilterProvider} and
 * {@code META-INF/services/io.gvgap.api.model.ModelBackend}.
 * Put the jar on the classpath or pass it with {@code gvgap --plugin-path JAR}; {@code gvgap plugins}
 * lists what was found.
 *
 * <h2>Options</h2>
 * Options are a record; each component may carry {@link io.gvgap.api.Option} with a description
 * and default. The framework binds a spec's {@code options:} map to it and rejects unknown keys,
 * missing required keys and wrong types, naming the file, line and field. Validate ranges in the
 * record's compact constructor by throwing {@link java.lang.IllegalArgumentException}; the message
 * reaches the user with the spec location attached.
 *
 * <h2>Stability</h2>
 * Types are marked {@link io.gvgap.api.Stable}, {@link io.gvgap.api.Experimental} or
 * {@link io.gvgap.api.Internal}.
 */
@Stable
package io.gvgap.api;
