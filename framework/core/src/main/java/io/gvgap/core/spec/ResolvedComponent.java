package io.gvgap.core.spec;

/**
 * A verifier or filter of the run, ready to create. A swept filter yields one component per value,
 * labelled like {@code quantile(alpha=0.1)}.
 *
 * @param label the unique label results are filed under
 * @param name the provider name
 * @param options the bound options record
 */
public record ResolvedComponent(String label, String name, Record options) {}
