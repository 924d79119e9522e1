package io.gvgap.studies;

import io.gvgap.core.store.ExampleResults;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleWeight;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Selects the samples a (verifier, filter) strategy keeps: the weights the run's filtering stage
 * stored ({@code weights.jsonl}, the very weights its metrics used), every sample with weight
 * {@code > 0} kept. No filter runs again, so no plugin is needed. Ground truth plays no part in
 * the choice (this is self-improvement); an example without stored weights (an incomplete one) is
 * skipped.
 */
public final class KeptSampleSelector {

  private final String verifier;
  private final String filter;

  /**
   * @param verifier the verifier label whose scores were filtered
   * @param filter the filter label
   */
  public KeptSampleSelector(String verifier, String filter) {
    this.verifier = verifier;
    this.filter = filter;
  }

  /**
   * The kept samples, in example order then sample index.
   *
   * @throws IllegalArgumentException when no example of the run has weights of this strategy
   */
  public List<KeptSample> select(RunDirectoryContents run) {
    List<KeptSample> kept = new ArrayList<>();
    boolean any = false;
    Set<String> stored = new LinkedHashSet<>();
    for (ExampleResults example : run.results()) {
      example.weights().keySet().forEach(k -> stored.add(k.toString()));
      List<SampleWeight> weights = example.weights(verifier, filter);
      if (weights == null || example.example() == null) {
        continue;
      }
      any = true;
      Map<Integer, SampleRecord> byIndex = new HashMap<>();
      example.samples().forEach(s -> byIndex.put(s.sampleIndex(), s));
      for (SampleWeight w : weights) {
        SampleRecord s = byIndex.get(w.sampleIndex());
        if (w.kept() && s != null) {
          kept.add(new KeptSample(
              example.key().exampleId(),
              s.sampleIndex(),
              example.example().prompt(),
              s.text(),
              w.weight(),
              s.utility()));
        }
      }
    }
    if (!any && !run.results().isEmpty()) {
      throw new IllegalArgumentException(
          "the run has no weights of strategy " + verifier + "/" + filter
              + " (weights.jsonl); strategies stored: " + stored
              + ". A run written before gvgap stored weights gets"
              + " them when its spec is run again on its directory");
    }
    return kept;
  }
}
