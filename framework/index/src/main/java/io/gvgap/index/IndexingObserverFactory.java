package io.gvgap.index;

import io.gvgap.core.launch.RunObserverFactory;
import io.gvgap.core.pipeline.RunObserver;
import java.util.List;

/**
 * Registers the Lucene sample index as a run observer (a service in
 * {@code META-INF/services/io.gvgap.core.launch.RunObserverFactory}): with {@code gvgap-index} on the
 * class path, every run the launcher assembles gets {@code index/}, {@code diversity.json} and
 * {@code duplicates.json}, with the default near-duplicate settings.
 */
public final class IndexingObserverFactory implements RunObserverFactory {

  /** The name this factory is known by. */
  public static final String NAME = "index";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RunObserver create() {
    return new IndexingObserver();
  }

  @Override
  public List<String> artefacts() {
    return List.of(
        IndexingObserver.INDEX_DIRECTORY,
        IndexingObserver.DIVERSITY_JSON,
        IndexingObserver.DUPLICATES_JSON);
  }
}
