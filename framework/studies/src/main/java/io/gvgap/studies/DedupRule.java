package io.gvgap.studies;

import io.gvgap.index.DuplicateDetector;

/** How an improvement study removes duplicates from each SFT set ({@code improve.dedup}). */
public enum DedupRule {
  /** Equal after the sample index's text normalisation ({@link ExactDuplicateRemover}); the default. */
  EXACT,
  /** Near-duplicates by shingle Jaccard similarity ({@link NearDuplicateRemover} with the index's defaults). */
  NEAR;

  /** The deduplicator this rule names. */
  public SampleDeduplicator deduplicator() {
    return this == NEAR
        ? new NearDuplicateRemover(DuplicateDetector.withDefaults())
        : new ExactDuplicateRemover();
  }
}
