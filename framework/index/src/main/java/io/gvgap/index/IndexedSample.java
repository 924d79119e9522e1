package io.gvgap.index;

import io.gvgap.core.store.SampleRecord;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A sample as the index holds it: the stored record plus where it belongs and what verifiers said.
 *
 * @param run the run's id
 * @param round the self-improvement round (0 for the first generation)
 * @param sample the sample
 * @param contentHash SHA-256 of the normalised text (exact-duplicate key, see {@link TextNormalizer})
 * @param scores parsed verifier scores by verifier label, sorted by label (unparsed verdicts are absent)
 */
public record IndexedSample(
    String run, int round, SampleRecord sample, String contentHash, Map<String, Double> scores) {

  /** Validates and copies the fields. */
  public IndexedSample {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(contentHash, "contentHash");
    scores = java.util.Collections.unmodifiableMap(new TreeMap<>(scores));
  }

  /** The unique key of a sample in an index: model/task/example/sample/round. */
  public String id() {
    return SampleIndex.idOf(
        round, sample.model(), sample.task(), sample.exampleId(), sample.sampleIndex());
  }
}
