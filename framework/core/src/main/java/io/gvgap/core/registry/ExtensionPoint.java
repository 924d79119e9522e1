package io.gvgap.core.registry;

import io.gvgap.api.Provider;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelBackend;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskProvider;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import java.util.Optional;

/** The four extension points gvgap discovers with {@link java.util.ServiceLoader}. */
public enum ExtensionPoint {
  /** Benchmarks: {@link TaskProvider}. */
  TASK("task", TaskProvider.class, Task.class),
  /** How a model judges samples: {@link VerifierProvider}. */
  VERIFIER("verifier", VerifierProvider.class, Verifier.class),
  /** How scores become weights: {@link FilterProvider}. */
  FILTER("filter", FilterProvider.class, FilterStrategy.class),
  /** How a language model is opened: {@link ModelBackend}. */
  BACKEND("backend", ModelBackend.class, LanguageModel.class);

  private final String label;
  private final Class<?> serviceType;
  private final Class<?> componentType;

  ExtensionPoint(String label, Class<?> serviceType, Class<?> componentType) {
    this.label = label;
    this.serviceType = serviceType;
    this.componentType = componentType;
  }

  /** The lowercase word used in messages and in {@code plugins.json}: task, verifier, filter, backend. */
  public String label() {
    return label;
  }

  /** The service interface named by {@code META-INF/services/<interface>}. */
  @SuppressWarnings("rawtypes")
  public Class<? extends Provider> serviceType() {
    return serviceType.asSubclass(Provider.class);
  }

  /**
   * The type of the components this extension point's providers create: {@link Task},
   * {@link Verifier}, {@link FilterStrategy} or {@link LanguageModel}.
   */
  public Class<?> componentType() {
    return componentType;
  }

  /** The extension point whose service interface {@code type} implements, if any. */
  static Optional<ExtensionPoint> implementedBy(Class<?> type) {
    for (ExtensionPoint kind : values()) {
      if (kind.serviceType.isAssignableFrom(type)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
