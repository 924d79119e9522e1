package io.gvgap.launcher;

import io.gvgap.core.launch.RunObserverFactory;
import io.gvgap.core.pipeline.RunObserver;
import io.gvgap.core.registry.PluginLoadException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run observers every run gets: each {@link RunObserverFactory} registered as a service in the
 * plugins' class loader, found once, asked for new observers for each run.
 */
public final class RunObservers {

  private static final Logger LOG = LoggerFactory.getLogger(RunObservers.class);

  private final List<RunObserverFactory> factories;

  private RunObservers(List<RunObserverFactory> factories) {
    this.factories = List.copyOf(factories);
  }

  /**
   * Finds the factories visible to {@code classLoader}, in the order the service files list them.
   *
   * @throws PluginLoadException when a factory cannot be instantiated or two factories share a name
   */
  public static RunObservers discover(ClassLoader classLoader) {
    Map<String, RunObserverFactory> byName = new LinkedHashMap<>();
    try {
      for (RunObserverFactory factory : ServiceLoader.load(RunObserverFactory.class, classLoader)) {
        RunObserverFactory earlier = byName.get(factory.name());
        if (earlier != null
            && !earlier.getClass().getName().equals(factory.getClass().getName())) {
          throw new PluginLoadException("two run observer factories are named '" + factory.name()
              + "': " + earlier.getClass().getName() + " and "
              + factory.getClass().getName() + "; remove one of their jars");
        }
        byName.putIfAbsent(factory.name(), factory);
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginLoadException(
          "cannot load a run observer factory (" + e.getMessage() + "); check the jar's"
              + " META-INF/services/" + RunObserverFactory.class.getName()
              + " and that the class is public with a"
              + " public no-argument constructor",
          e);
    }
    byName
        .values()
        .forEach(f -> LOG.info(
            "run observer '{}' ({}) writes {}", f.name(), f.getClass().getName(), f.artefacts()));
    return new RunObservers(new ArrayList<>(byName.values()));
  }

  /** The factories found, in discovery order. */
  public List<RunObserverFactory> factories() {
    return factories;
  }

  /** New observers for one run, one per factory. */
  public List<RunObserver> create() {
    return factories.stream().map(RunObserverFactory::create).toList();
  }

  /** The files and folders the observers write inside every finished run directory, in factory order. */
  public List<String> artefacts() {
    return factories.stream().flatMap(f -> f.artefacts().stream()).toList();
  }
}
