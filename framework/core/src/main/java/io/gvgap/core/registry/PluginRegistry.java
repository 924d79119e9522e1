package io.gvgap.core.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.Provider;
import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.task.Task;
import io.gvgap.api.verify.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every provider of the four extension points that a class loader can see, discovered once with
 * {@link ServiceLoader}. Load a new registry to pick up a new class loader (Lucene's "reload").
 *
 * <pre>{@code
 * PluginRegistry registry = PluginRegistry.load(List.of(Path.of("plugins")), getClass().getClassLoader());
 * FilterStrategy filter = registry.filters().create("quantile", options);
 * }</pre>
 */
public final class PluginRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
  private static final Pattern VALID_NAME = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private final ClassLoader classLoader;
  private final ProviderCatalog<Task> tasks;
  private final ProviderCatalog<Verifier> verifiers;
  private final ProviderCatalog<FilterStrategy> filters;
  private final ProviderCatalog<LanguageModel> backends;
  private final Map<ExtensionPoint, ProviderCatalog<?>> catalogs;

  private PluginRegistry(ClassLoader classLoader) {
    this.classLoader = classLoader;
    this.tasks = discover(ExtensionPoint.TASK, Task.class, classLoader);
    this.verifiers = discover(ExtensionPoint.VERIFIER, Verifier.class, classLoader);
    this.filters = discover(ExtensionPoint.FILTER, FilterStrategy.class, classLoader);
    this.backends = discover(ExtensionPoint.BACKEND, LanguageModel.class, classLoader);
    Map<ExtensionPoint, ProviderCatalog<?>> byKind = new EnumMap<>(ExtensionPoint.class);
    for (ProviderCatalog<?> catalog : List.of(tasks, verifiers, filters, backends)) {
      byKind.put(catalog.kind(), catalog);
    }
    this.catalogs = Collections.unmodifiableMap(byKind);
  }

  /**
   * Discovers the providers visible to a class loader.
   *
   * @throws PluginLoadException when two providers of one extension point share a name, a name is
   *     invalid, or a service file names a class that cannot be instantiated
   */
  public static PluginRegistry load(ClassLoader classLoader) {
    Objects.requireNonNull(classLoader, "classLoader");
    return new PluginRegistry(classLoader);
  }

  /**
   * Discovers the providers of the parent class loader plus those in extra jars. Each path is a jar
   * or a directory whose {@code *.jar} files are all added; the jars get their own
   * {@link URLClassLoader} over the parent, which stays open for the life of the providers.
   *
   * @throws PluginLoadException when a path does not exist or is neither a jar nor a directory
   */
  public static PluginRegistry load(List<Path> pluginPaths, ClassLoader parent) {
    Objects.requireNonNull(parent, "parent");
    List<Path> jars = new ArrayList<>();
    for (Path jar : pluginJars(pluginPaths)) {
      // a URLClassLoader skips a jar it cannot open without a word: say which and why
      Optional<String> problem = unreadableJar(jar);
      if (problem.isPresent()) {
        LOG.warn(
            "Plugin jar {} is not loaded: {}. Rebuild or download it again, or remove it from --plugin-path.",
            jar,
            problem.get());
      } else {
        jars.add(jar);
      }
    }
    if (jars.isEmpty()) {
      return load(parent);
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new PluginLoadException("Cannot turn plugin jar " + jars.get(i) + " into a URL", e);
      }
    }
    LOG.info("Plugin path adds {} jar(s): {}", jars.size(), jars);
    return load(new URLClassLoader("gvgap-plugins", urls, parent));
  }

  /** Why a plugin jar cannot be used (not a zip file, truncated, unreadable), or empty when it opens. */
  static Optional<String> unreadableJar(Path jar) {
    try (JarFile opened = new JarFile(jar.toFile())) {
      opened.getManifest();
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return Optional.of("it cannot be opened as a jar (" + reason + ")");
    }
  }

  private static List<Path> pluginJars(List<Path> pluginPaths) {
    List<Path> jars = new ArrayList<>();
    for (Path path : pluginPaths) {
      Path absolute = path.toAbsolutePath().normalize();
      if (Files.isDirectory(absolute)) {
        try (Stream<Path> children = Files.list(absolute)) {
          List<Path> found = children
              .filter(child ->
                  Files.isRegularFile(child) && child.getFileName().toString().endsWith(".jar"))
              .sorted(Comparator.comparing(Path::toString))
              .collect(Collectors.toList());
          if (found.isEmpty()) {
            LOG.warn("Plugin directory {} contains no .jar files", absolute);
          }
          jars.addAll(found);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list plugin directory " + absolute, e);
        }
      } else if (Files.isRegularFile(absolute)) {
        if (!absolute.getFileName().toString().endsWith(".jar")) {
          throw new PluginLoadException("Plugin path " + absolute
              + " is not a .jar file; pass a jar or a directory of jars.");
        }
        jars.add(absolute);
      } else {
        throw new PluginLoadException("Plugin path " + absolute
            + " does not exist; pass an existing jar or a directory of jars" + " (given as '" + path
            + "', relative to " + Path.of("").toAbsolutePath() + ").");
      }
    }
    return jars;
  }

  private static <T> ProviderCatalog<T> discover(
      ExtensionPoint kind, Class<T> componentType, ClassLoader classLoader) {
    Map<String, Provider<?, T>> byName = new LinkedHashMap<>();
    Map<String, DiscoveredProvider> records = new TreeMap<>();
    try {
      for (Provider<?, ?> provider : ServiceLoader.load(kind.serviceType(), classLoader)) {
        DiscoveredProvider found = describe(kind, provider);
        DiscoveredProvider earlier = records.get(found.name());
        if (earlier != null) {
          throw new PluginLoadException(
              "Two " + kind.label() + " providers are named '" + found.name() + "': "
                  + earlier.className() + " (from " + earlier.location() + ") and "
                  + found.className() + " (from " + found.location()
                  + "). Remove one of the jars from the classpath or"
                  + " --plugin-path, or rename one provider.");
        }
        records.put(found.name(), found);
        // The service interface fixes the component type (TaskProvider<O> extends Provider<O,
        // Task>);
        // a provider compiled against the raw interface is caught by ProviderCatalog.create's
        // check.
        @SuppressWarnings("unchecked")
        Provider<?, T> typed = (Provider<?, T>) provider;
        byName.put(found.name(), typed);
        LOG.info(
            "Found {} '{}': {} from {} (version {})",
            kind.label(),
            found.name(),
            found.className(),
            found.location(),
            found.version());
      }
    } catch (ServiceConfigurationError e) {
      ServiceFileCheck.misfiledProvider(kind, classLoader).ifPresent(message -> {
        throw new PluginLoadException(message, e);
      });
      throw new PluginLoadException(
          "Cannot load a " + kind.label() + " provider listed in META-INF/services/"
              + kind.serviceType().getName() + ": " + e.getMessage()
              + ". Check the class name in that file and that the"
              + " class is public with a public no-argument constructor.",
          e);
    }
    if (records.isEmpty()) {
      LOG.info(
          "No {} providers found ({}); consider adding an implementation jar to the classpath",
          kind.label(),
          kind.serviceType().getName());
    }
    return ProviderCatalog.of(kind, componentType, byName, records);
  }

  private static DiscoveredProvider describe(ExtensionPoint kind, Provider<?, ?> provider) {
    Class<?> type = provider.getClass();
    String location = ProviderOrigin.location(type);
    String name;
    try {
      name = provider.name();
    } catch (RuntimeException e) {
      throw new PluginLoadException(
          "The " + kind.label() + " provider " + type.getName() + " (from " + location
              + ") failed in name(): " + e,
          e);
    }
    if (name == null || !VALID_NAME.matcher(name).matches()) {
      throw new PluginLoadException(
          "The " + kind.label() + " provider " + type.getName() + " (from " + location
              + ") has the invalid name " + (name == null ? "null" : "'" + name + "'")
              + "; a name is lowercase letters and digits, in words joined by single hyphens (like 'cot-score').");
    }
    if (provider.optionsType() == null) {
      throw new PluginLoadException("The " + kind.label() + " provider '" + name + "' ("
          + type.getName() + " from " + location
          + ") returns null from optionsType(); return NoOptions.class when it takes no options.");
    }
    return new DiscoveredProvider(
        kind, name, type.getName(), location, ProviderOrigin.version(type));
  }

  /** Task providers by name. */
  public ProviderCatalog<Task> tasks() {
    return tasks;
  }

  /** Verifier providers by name. */
  public ProviderCatalog<Verifier> verifiers() {
    return verifiers;
  }

  /** Filter providers by name. */
  public ProviderCatalog<FilterStrategy> filters() {
    return filters;
  }

  /** Model backends by name. */
  public ProviderCatalog<LanguageModel> backends() {
    return backends;
  }

  /** The catalog of one extension point, for code that handles all four alike. */
  public ProviderCatalog<?> catalog(ExtensionPoint kind) {
    return catalogs.get(kind);
  }

  /** The class loader the providers were discovered from (the plugin-path loader when there is one). */
  public ClassLoader classLoader() {
    return classLoader;
  }

  /** Every provider found, by extension point (task, verifier, filter, backend) and then by name. */
  public List<DiscoveredProvider> all() {
    List<DiscoveredProvider> all = new ArrayList<>();
    for (ExtensionPoint kind : ExtensionPoint.values()) {
      all.addAll(catalogs.get(kind).discovered());
    }
    return List.copyOf(all);
  }

  /**
   * The discovered providers as a pretty-printed JSON array, the content of a run's
   * {@code plugins.json}: objects with {@code kind}, {@code name}, {@code class}, {@code location},
   * {@code version}.
   */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (DiscoveredProvider provider : all()) {
      ObjectNode node = array.addObject();
      node.put("kind", provider.kind().label());
      node.put("name", provider.name());
      node.put("class", provider.className());
      node.put("location", provider.location());
      node.put("version", provider.version());
    }
    try {
      return mapper.writeValueAsString(array) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the plugin list as JSON", e);
    }
  }
}
