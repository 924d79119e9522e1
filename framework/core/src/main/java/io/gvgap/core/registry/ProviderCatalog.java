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
 * of Lucene's {@code NamedSPILoader}. The catalog is typed by the component its providers create,
 * so {@code registry.filters().create(...)} is a {@code FilterStrategy} and nothing else compiles.
 *
 * @param <T> the component the extension point's providers create: {@code Task}, {@code Verifier},
 *     {@code FilterStrategy} or {@code LanguageModel}
 */
public final class ProviderCatalog<T> {
  private final ExtensionPoint kind;
  private final Class<T> componentType;
  private final SortedMap<String, Provider<?, T>> providers;
  private final SortedMap<String, DiscoveredProvider> discovered;

  ProviderCatalog(
      ExtensionPoint kind,
      Class<T> componentType,
      SortedMap<String, Provider<?, T>> providers,
      SortedMap<String, DiscoveredProvider> discovered) {
    this.kind = Objects.requireNonNull(kind, "kind");
    if (!kind.componentType().equals(componentType)) {
      throw new IllegalArgumentException("A " + kind.label() + " catalog holds providers of "
          + kind.componentType().getName() + ", not of " + componentType.getName());
    }
    this.componentType = componentType;
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
  public Provider<?, T> forName(String name) {
    Provider<?, T> provider = name == null ? null : providers.get(name);
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

  /** The type of the components this catalog's providers create (the catalog's {@code T}). */
  public Class<T> componentType() {
    return componentType;
  }

  /**
   * Creates the named component from options already bound to the provider's options record.
   *
   * @throws IllegalArgumentException when the options are not an instance of the provider's record
   * @throws PluginLoadException when the provider returns something other than this catalog's
   *     component type (a provider compiled against the raw service interface)
   */
  public T create(String name, Record options) {
    Provider<Record, T> typed = forOptions(name, options);
    // Read as Object: a provider compiled against the raw interface can return anything, and the
    // check below must see it before a ClassCastException surfaces far from the plugin.
    Object created = Objects.requireNonNull(
        typed.create(options),
        () -> "The " + kind.label() + " provider " + typed.getClass().getName()
            + " returned null from create()");
    if (!componentType.isInstance(created)) {
      throw new PluginLoadException(
          "The " + kind.label() + " provider '" + name + "' ("
              + typed.getClass().getName()
              + " from " + ProviderOrigin.location(typed.getClass()) + ") created a "
              + created.getClass().getName()
              + ", which is not a " + componentType.getName() + ". A " + kind.label()
              + " provider implements "
              + kind.serviceType().getName() + "<Options> and creates a "
              + componentType.getSimpleName()
              + "; check which interface the class implements and which META-INF/services file lists it.");
    }
    return componentType.cast(created);
  }

  /**
   * The named provider, typed to take {@code options}, which must already be bound to its options
   * record: for calls other than {@link #create} that pass the options on (e.g.
   * {@code ModelBackend.contentFingerprint}).
   *
   * @param <Q> this catalog's service interface with {@code Record} options, e.g.
   *     {@code ModelBackend<Record>}; a provider of another extension point does not compile
   * @throws IllegalArgumentException when the options are not an instance of the provider's record
   */
  public <Q extends Provider<Record, T>> Q forOptions(String name, Record options) {
    Provider<?, T> provider = forName(name);
    Class<? extends Record> expected = provider.optionsType();
    if (!expected.isInstance(options)) {
      throw new IllegalArgumentException(
          "The " + kind.label() + " '" + name + "' takes options of type "
              + expected.getName() + ", but was given "
              + (options == null ? "null" : options.getClass().getName())
              + "; bind the spec's options with OptionsBinder.bind(optionsType(name), map) first.");
    }
    // Sound for the options because they were just checked against the provider's own options type;
    // every provider here implements this extension point's service interface (ServiceLoader
    // checked it),
    // which is the Q callers name.
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

  static <T> ProviderCatalog<T> of(
      ExtensionPoint kind,
      Class<T> componentType,
      Map<String, Provider<?, T>> providers,
      Map<String, DiscoveredProvider> discovered) {
    return new ProviderCatalog<>(
        kind, componentType, new TreeMap<>(providers), new TreeMap<>(discovered));
  }
}
