package io.gvgap.core.registry;

import io.gvgap.api.Provider;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.model.ModelBackend;
import io.gvgap.api.task.TaskProvider;
import io.gvgap.api.verify.VerifierProvider;

/** The four extension points gvgap discovers with {@link java.util.ServiceLoader}. */
public enum ExtensionPoint {
  /** Benchmarks: {@link TaskProvider}. */
  TASK("task", TaskProvider.class),
  /** How a model judges samples: {@link VerifierProvider}. */
  VERIFIER("verifier", VerifierProvider.class),
  /** How scores become weights: {@link FilterProvider}. */
  FILTER("filter", FilterProvider.class),
  /** How a language model is opened: {@link ModelBackend}. */
  BACKEND("backend", ModelBackend.class);

  private final String label;
  private final Class<?> serviceType;

  ExtensionPoint(String label, Class<?> serviceType) {
    this.label = label;
    this.serviceType = serviceType;
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
}
