package io.gvgap.core.store;

import io.gvgap.core.metrics.StrategyKey;
import java.util.List;
import java.util.Map;

/**
 * One example of one model's run joined with everything stored about it: its record from
 * {@code examples.jsonl}, its samples, each verifier's scores and each strategy's weights. Built by
 * {@link RunRecords}; lists are sorted by sample index and never matched by position in a file.
 *
 * @param key the model, task and example
 * @param example the example as the run saw it; null when {@code examples.jsonl} lacks it
 * @param samples the samples, sorted by sample index (some may be missing in a partial run)
 * @param scores per verifier label, in the order first stored, its scores sorted by sample index
 * @param weights per (verifier, filter), in the order first stored, its weights sorted by sample index
 * @param asked per (verifier, filter) whose filter keeps a count, how many it was asked to keep
 */
public record ExampleResults(
    ExampleKey key,
    ExampleRecord example,
    List<SampleRecord> samples,
    Map<String, List<SampleScore>> scores,
    Map<StrategyKey, List<SampleWeight>> weights,
    Map<StrategyKey, Integer> asked) {

  /** Without asked counts (filters that keep by score, or records written before they were kept). */
  public ExampleResults(
      ExampleKey key,
      ExampleRecord example,
      List<SampleRecord> samples,
      Map<String, List<SampleScore>> scores,
      Map<StrategyKey, List<SampleWeight>> weights) {
    this(key, example, samples, scores, weights, Map.of());
  }

  /** Copies the collections (keeping their order). */
  public ExampleResults {
    asked = Map.copyOf(asked);
    samples = List.copyOf(samples);
    scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
    weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
  }

  /** The example's position in its task's example list; {@link Integer#MAX_VALUE} when unknown. */
  public int position() {
    return example == null ? Integer.MAX_VALUE : example.position();
  }

  /** One verifier's scores, or null when it has not scored this example. */
  public List<SampleScore> scores(String verifier) {
    return scores.get(verifier);
  }

  /** One strategy's weights, or null when the filtering stage has not stored them. */
  public List<SampleWeight> weights(String verifier, String filter) {
    return weights.get(new StrategyKey(verifier, filter));
  }

  /** How many samples a strategy's filter was asked to keep here, or null when it keeps by score. */
  public Integer asked(String verifier, String filter) {
    return asked.get(new StrategyKey(verifier, filter));
  }

  /** Whether the samples are exactly those with indices {@code 0..count-1}. */
  public boolean hasAllSamples(int count) {
    if (samples.size() != count) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (samples.get(i).sampleIndex() != i) {
        return false;
      }
    }
    return true;
  }
}
