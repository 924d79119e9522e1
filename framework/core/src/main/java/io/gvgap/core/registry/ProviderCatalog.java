package io.gvgap.core.registry;

import io.gvgap.api.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * The providers of one extension point, by name: an immutable map ordered by name, in the manner
 * of Lucene's {@code NamedSPILoader}.
 *
 * @param <P> the provider interface of the extension point
 */
public final class ProviderCatalog<P extends Provider<?, ?>> {
  private final ExtensionPoint kind;
  private final SortedMap<String, P> providers;
  private final SortedMap<String, DiscoveredProvider> discovered;

  ProviderCatalog(ExtensionPoint kind, SortedMap<String, P> providers, SortedMap<String, DiscoveredProvider> discovered) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.providers = Collections.unmodifiableSortedMap(new TreeMap<>(providers));
    this.discovered = Collections.unmodifiableSortedMap(new TreeMap<>(discovered));
  }

  /** The extension point this catalog holds. */
  public ExtensionPoint kind() {
    return kind;
  }

  /**
   * The provider with this name.
   *
   * @throws UnknownProviderException when no provider has the name; its message lists the names
   */
  public P forName(String name) {
    P provider = name == null ? null : providers.get(name);
    if (provider == null) {
      throw new UnknownProviderException(kind, String.valueOf(name), availableNames());
    }
    return provider;
  }

  /** Whether a provider has this name. */
  public boolean contains(String name) {
    return providers.containsKey(name);
  }

  /** All provider names, sorted. */
  public SortedSet<String> availableNames() {
    return Collections.unmodifiableSortedSet(new java.util.TreeSet<>(providers.keySet()));
  }

  /** The options record type of the named provider, for binding a spec's options map. */
  public Class<? extends Record> optionsType(String name) {
    return forName(name).optionsType();
  }

  /**
   * Creates the named component from options already bound to the provider's options record.
   *
   * @param <T> the component type (Task, Verifier, FilterStrategy or LanguageModel)
   * @throws IllegalArgumentException when the options are not an instance of the provider's record
   */
  public <T> T create(String name, Record options) {
    Provider<Record, T> typed = forOptions(name, options);
    return Objects.requireNonNull(typed.create(options),
        () -> "The " + kind.label() + " provider " + typed.getClass().getName() + " returned null from create()");
  }

  /**
   * The named provider, typed to take {@code options}, which must already be bound to its options
   * record: for calls other than {@link #create} that pass the options on (e.g.
   * {@code ModelBackend.contentFingerprint}).
   *
   * @param <Q> the provider type of this catalog with {@code Record} options, e.g. {@code ModelBackend<Record>}
   * @throws IllegalArgumentException when the options are not an instance of the provider's record
   */
  public <Q extends Provider<Record, ?>> Q forOptions(String name, Record options) {
    P provider = forName(name);
    Class<? extends Record> expected = provider.optionsType();
    if (!expected.isInstance(options)) {
      throw new IllegalArgumentException("The " + kind.label() + " '" + name + "' takes options of type "
          + expected.getName() + ", but was given " + (options == null ? "null" : options.getClass().getName())
          + "; bind the spec's options with OptionsBinder.bind(optionsType(name), map) first.");
    }
    // Sound for the options because they were just checked against the provider's own options type;
    // Q is this catalog's provider type, which the caller names.
    @SuppressWarnings("unchecked")
    Q typed = (Q) provider;
    return typed;
  }

  /** The discovery record (class, jar, version) of every provider, ordered by name. */
  public List<DiscoveredProvider> discovered() {
    return List.copyOf(new ArrayList<>(discovered.values()));
  }

  /** Number of providers. */
  public int size() {
    return providers.size();
  }

  @Override
  public String toString() {
    return kind.label() + "s " + providers.keySet();
  }

  static <P extends Provider<?, ?>> ProviderCatalog<P> of(ExtensionPoint kind, Map<String, P> providers,
      Map<String, DiscoveredProvider> discovered) {
    return new ProviderCatalog<>(kind, new TreeMap<>(providers), new TreeMap<>(discovered));
  }
}
