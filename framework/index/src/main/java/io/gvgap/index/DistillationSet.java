package io.gvgap.index;

import io.gvgap.core.store.SampleRecord;
import java.util.List;

/**
 * A deduplicated fine-tuning set.
 *
 * @param kept one representative per cluster, in the order of each cluster's first member
 * @param removed samples dropped as exact or near-duplicates of a kept one
 * @param clusters the clusters behind the choice (singletons included)
 */
public record DistillationSet(List<SampleRecord> kept, int removed, List<DuplicateCluster<SampleRecord>> clusters) {

  /** Copies the lists. */
  public DistillationSet {
    kept = List.copyOf(kept);
    clusters = List.copyOf(clusters);
  }
}
