package io.gvgap.core.options;

/**
 * One option of a provider, as {@code gvgap plugins show NAME} (and {@code gvgap tasks show NAME}) shows it.
 *
 * @param name the key in a spec, dotted for a nested record's options ({@code retry.attempts})
 * @param type the value's kind in words: "integer", "number", "path", "list of string", "one of: a, b"
 * @param defaultValue the default in YAML syntax, or null when the option is required
 * @param description the {@link io.gvgap.api.Option#description()}, or empty when the component has none
 */
public record OptionDescription(String name, String type, String defaultValue, String description) {

  /** Whether a spec must give this option. */
  public boolean required() {
    return defaultValue == null;
  }
}
