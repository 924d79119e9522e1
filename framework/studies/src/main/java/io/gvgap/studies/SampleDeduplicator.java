package io.gvgap.studies;

import java.util.List;

/**
 * Removes duplicate samples from an SFT set, so that a response the model repeats many times is
 * not learnt many times over. Implementations keep one sample per group of duplicates, carrying the
 * group's largest weight, in input order; ground truth never chooses which.
 */
public interface SampleDeduplicator {

  /** The samples without duplicates, in input order. */
  List<KeptSample> deduplicate(List<KeptSample> samples);

  /** A short name recorded in {@code rounds.json}. */
  String name();
}
