/**
 * Reading gvgap's YAML and JSON inputs with Jackson: {@link io.gvgap.core.input.JacksonErrors}
 * turns every Jackson exception into an {@link io.gvgap.core.input.InputError} that reads like
 * {@code rounds.json:12:7: rounds[1].model: expected a string, was a list}, and
 * {@link io.gvgap.core.input.JsonFiles} reads and writes the result files that modules share with
 * that translation.
 */
package io.gvgap.core.input;
