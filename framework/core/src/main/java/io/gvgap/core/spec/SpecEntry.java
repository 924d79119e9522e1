package io.gvgap.core.spec;

import io.gvgap.api.Internal;

/**
 * One item of a spec's {@code models}, {@code tasks}, {@code verifiers} or {@code filters} list,
 * as written: its provider name and label, and its node so that the resolver can bind its options
 * and report positions.
 *
 * @param path the item's field path, such as {@code filters[1]}
 * @param node the item's mapping node
 * @param name the provider name ({@code backend} for models, {@code name} otherwise)
 * @param label the label the spec gives, or null for the default
 */
@Internal
public record SpecEntry(String path, SpecNode node, String name, String label) {

  /** The {@code options:} node, or null when the spec gives none. */
  public SpecNode options() {
    SpecNode options = node.get("options");
    return options == null || options.isNull() ? null : options;
  }
}
