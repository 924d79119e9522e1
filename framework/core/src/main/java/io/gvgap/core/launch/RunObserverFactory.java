package io.gvgap.core.launch;

import io.gvgap.core.pipeline.RunObserver;
import java.util.List;

/**
 * A service that gives every run its own {@link RunObserver}: the launcher finds each factory with
 * {@link java.util.ServiceLoader} (registered in
 * {@code META-INF/services/io.gvgap.core.launch.RunObserverFactory}) and attaches a new observer to
 * every run it starts or merges, whichever command or goal started it, so every run directory gets
 * the same artefacts. {@code gvgap-index} registers the Lucene sample index with diversity and
 * duplicate clusters this way.
 *
 * <p>An implementation needs a public no-argument constructor. Its observers must be idempotent
 * (a resumed run delivers a batch again).
 */
public interface RunObserverFactory {

  /** A short lowercase name, for logs and error messages (e.g. {@code index}). */
  String name();

  /** A new observer for one run; the launcher closes it when the run stops. */
  RunObserver create();

  /**
   * The names of the files and folders the observers write directly inside a finished run directory
   * (e.g. {@code index}, {@code diversity.json}): what the launcher promises every run directory holds
   * beside the run store's own files.
   */
  List<String> artefacts();
}
