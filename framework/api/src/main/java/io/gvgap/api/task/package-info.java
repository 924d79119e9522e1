/**
 * Task plugins: a benchmark as gvgap sees it.
 *
 * <p>A task gives {@link io.gvgap.api.task.Example}s, the {@link io.gvgap.api.task.Prompt} a
 * generator sees, the {@link io.gvgap.api.task.Answer} extracted from a completion, the utility of
 * that answer (the ground truth the model never sees) and the
 * {@link io.gvgap.api.task.VerificationFormats} its verifiers use.
 *
 * <h2>A minimal task</h2>
 * <pre>{@code
 * public final class CapitalsProvider implements TaskProvider<CapitalsProvider.Options> {
 *   public record Options(@Option(description = "JSON Lines file", defaultValue = "") Path data) {}
 *   public String name() { return "capitals"; }
 *   public Class<Options> optionsType() { return Options.class; }
 *   public Task create(Options options) { return new CapitalsTask(options.data()); }
 * }
 * }</pre>
 * where {@code CapitalsTask implements Task}. Register the provider in
 * {@code META-INF/services/io.gvgap.api.task.TaskProvider}:
 * <pre>com.example.CapitalsProvider</pre>
 *
 * <p>Contract: examples are deterministic for a seed; {@code extract} returns
 * {@link io.gvgap.api.task.Answer#none()} when it finds no answer (reported apart from wrong
 * answers); utility is in [0, 1]; data errors are {@link io.gvgap.api.task.TaskDataException}s
 * naming file, line and field.
 */
@Stable
package io.gvgap.api.task;

import io.gvgap.api.Stable;
