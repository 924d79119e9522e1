/**
 * The YAML run spec: {@link io.gvgap.core.spec.RunSpecLoader#load} parses it keeping each node's
 * position and binds the fixed sections with Jackson (the configuration that binds plugin options),
 * {@link io.gvgap.core.spec.RunSpecResolver#resolve} checks plugin names, binds options
 * and expands sweeps into a {@link io.gvgap.core.spec.ResolvedRunSpec} (relative paths in options
 * resolved against the spec file's folder), and {@link io.gvgap.core.spec.ResolvedSpecWriter} writes
 * that as JSON ({@link io.gvgap.core.spec.ResolvedSpecFile}) to the run directory;
 * {@link io.gvgap.core.spec.ResolvedSpecReader} reads it back.
 *
 * <pre>{@code
 * RunSpec loaded = RunSpecLoader.load(specFile);
 * ResolvedRunSpec spec = RunSpecResolver.resolve(loaded, registry, specFile);
 * ResolvedSpecWriter.write(spec, runDirectory.resolve("spec.json"));
 * }</pre>
 *
 * Every error is a {@link io.gvgap.core.spec.SpecException} that reads like
 * {@code demo.yaml:14:7: filters[1].options.tau: must be in [0, 1], was 1.5}.
 */
package io.gvgap.core.spec;
