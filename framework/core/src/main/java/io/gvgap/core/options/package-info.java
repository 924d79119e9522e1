/**
 * Typed provider options: {@link io.gvgap.core.options.OptionsBinder} binds a spec's
 * {@code options:} map to a provider's options record with Jackson (snake_case keys, defaults from
 * {@link io.gvgap.api.Option}, no coercion between kinds of scalar), rejecting unknown keys, missing
 * required keys, wrong types and values the record's constructor rejects with an
 * {@link io.gvgap.core.options.OptionsException} that carries the field path;
 * {@link io.gvgap.core.options.OptionsDescriber} lists a record's options for
 * {@code gvgap plugins show NAME} (and {@code gvgap tasks show NAME});
 * {@link io.gvgap.core.options.OptionValues} turns a bound record back into a map for the run directory.
 */
package io.gvgap.core.options;
