package io.gvgap.api;

/** The options record of a provider that takes no options: any key given in a spec is an error. */
@Stable
public record NoOptions() {}
