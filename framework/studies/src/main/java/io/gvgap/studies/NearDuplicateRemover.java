package io.gvgap.studies;

import io.gvgap.index.DuplicateCluster;
import io.gvgap.index.DuplicateDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Near-duplicate removal with the sample index's {@link DuplicateDetector} (shingles and Jaccard
 * similarity), per prompt. Each cluster contributes one sample: the one with the largest weight,
 * then the lowest sample index. Ground truth never picks the representative (self-improvement must
 * not peek at utilities). Beware on tasks whose wrong answers differ from right ones by a digit
 * (arithmetic): they are near-duplicates of each other, so exact removal is the safer choice there.
 */
public final class NearDuplicateRemover implements SampleDeduplicator {

  private static final Comparator<KeptSample> LARGEST_WEIGHT_THEN_LOWEST_INDEX =
      Comparator.comparingDouble(KeptSample::weight)
          .reversed()
          .thenComparingInt(KeptSample::sampleIndex);

  private final DuplicateDetector detector;

  /** A remover with the detector's settings (e.g. {@link DuplicateDetector#withDefaults()}). */
  public NearDuplicateRemover(DuplicateDetector detector) {
    this.detector = detector;
  }

  @Override
  public List<KeptSample> deduplicate(List<KeptSample> samples) {
    Map<String, List<KeptSample>> byPrompt = new LinkedHashMap<>();
    for (KeptSample s : samples) {
      byPrompt.computeIfAbsent(s.prompt(), p -> new ArrayList<>()).add(s);
    }
    List<KeptSample> kept = new ArrayList<>();
    for (List<KeptSample> prompt : byPrompt.values()) {
      for (DuplicateCluster<KeptSample> cluster :
          detector.clusters(prompt, KeptSample::response, LARGEST_WEIGHT_THEN_LOWEST_INDEX)) {
        kept.add(cluster.representative());
      }
    }
    return kept;
  }

  @Override
  public String name() {
    return "near (Jaccard >= " + detector.config().jaccardThreshold() + " of "
        + detector.config().shingleSize() + "-"
        + detector.config().unit().name().toLowerCase(java.util.Locale.ROOT)
        + " shingles, per prompt)";
  }
}
