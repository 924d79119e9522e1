package io.gvgap.index;

import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.SampleRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps distinct solutions only, as rejection-sampling fine-tuning does: the samples a filter kept
 * are clustered per prompt (model, task, example), and each cluster contributes its representative
 * (by default the best utility, then the lowest sample index). Two prompts' solutions are never
 * merged: the same text answering two questions is two training examples.
 */
public final class DistillationSetBuilder {

  private final DuplicateDetector detector;
  private final Comparator<SampleRecord> preference;

  /** A builder with the detector's settings and {@link DuplicateDetector#BEST_UTILITY_THEN_LOWEST_SAMPLE}. */
  public DistillationSetBuilder(DuplicateDetector detector) {
    this(detector, DuplicateDetector.BEST_UTILITY_THEN_LOWEST_SAMPLE);
  }

  /** A builder that picks representatives by {@code preference}. */
  public DistillationSetBuilder(DuplicateDetector detector, Comparator<SampleRecord> preference) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.preference = Objects.requireNonNull(preference, "preference");
  }

  /** Deduplicates {@code keptSamples} per prompt. */
  public DistillationSet build(List<SampleRecord> keptSamples) {
    Map<ExampleKey, List<SampleRecord>> byPrompt = new LinkedHashMap<>();
    for (SampleRecord sample : keptSamples) {
      byPrompt.computeIfAbsent(sample.exampleKey(), key -> new ArrayList<>()).add(sample);
    }
    List<SampleRecord> kept = new ArrayList<>();
    List<DuplicateCluster<SampleRecord>> clusters = new ArrayList<>();
    for (List<SampleRecord> prompt : byPrompt.values()) {
      for (DuplicateCluster<SampleRecord> cluster : detector.clusters(prompt, SampleRecord::text, preference)) {
        kept.add(cluster.representative());
        clusters.add(cluster);
      }
    }
    return new DistillationSet(kept, keptSamples.size() - kept.size(), clusters);
  }
}
