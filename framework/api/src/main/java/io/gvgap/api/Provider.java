package io.gvgap.api;

/**
 * What every extension point has in common: a stable lowercase name, a typed options record, and a
 * factory method that builds the configured component from validated options.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}, so an implementation needs a public
 * no-argument constructor and must be cheap to construct: do the real work in {@link #create}.
 *
 * @param <O> the options record; its components are the only keys a spec may give
 * @param <T> the component this provider creates
 */
@Stable
public interface Provider<O extends Record, T> {

  /** The name users write in specs: lowercase letters, digits and hyphens, unique per extension point. */
  String name();

  /** One line shown by {@code gvgap plugins}. */
  default String description() {
    return "";
  }

  /** The record type the framework binds the spec's options to; {@link NoOptions} for none. */
  Class<O> optionsType();

  /**
   * Builds the component. The options were bound and validated by the framework (unknown keys,
   * missing required keys and wrong types are rejected before this is called).
   *
   * @param options never null
   * @return never null
   */
  T create(O options);
}
