/**
 * Finds plugins: every provider of the four extension points, by name.
 *
 * <pre>{@code
 * PluginRegistry registry = PluginRegistry.load(List.of(Path.of("plugins")), getClass().getClassLoader());
 * Provider<?, FilterStrategy> quantile = registry.filters().forName("quantile");
 * FilterStrategy filter = registry.filters().create("quantile", OptionsBinder.bind(quantile.optionsType(), map));
 * Files.writeString(runDirectory.resolve("plugins.json"), registry.toJson());
 * }</pre>
 *
 * A provider is listed in {@code META-INF/services/io.gvgap.api.filter.FilterProvider} (or the
 * task, verifier or model-backend service file) of its jar. An unknown name fails with
 * {@link io.gvgap.core.registry.UnknownProviderException} (available names, nearest match, what to
 * add); two providers with one name, or an invalid name, fail with
 * {@link io.gvgap.core.registry.PluginLoadException} naming both classes and jars.
 */
package io.gvgap.core.registry;
