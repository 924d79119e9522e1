package io.gvgap.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gvgap.core.metrics.StrategyKey;
import java.util.List;

/**
 * One (verifier, filter) strategy's weights for all samples of one example, stored as one line of
 * {@code weights.jsonl} by the pipeline's filtering stage. Metrics, reports and distillation read
 * these records rather than running the filter again, so none of them needs the filter plugins.
 *
 * @param model the generator's label
 * @param task the task's label
 * @param exampleId the example
 * @param verifier the verifier label whose scores were filtered
 * @param filter the filter label
 * @param weights one entry per sample, in sample-index order
 * @param asked how many samples the filter was asked to keep here ({@code quantile}'s ⌈α·n⌉,
 *     {@code top-k}'s min(k, n), {@code best-of-n}'s 1); null for a filter that keeps by score, and in
 *     records written before it was recorded
 */
public record WeightRecord(
    String model,
    String task,
    String exampleId,
    String verifier,
    String filter,
    List<SampleWeight> weights,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer asked) {

  /** A record of a filter that keeps by score (no asked count). */
  public WeightRecord(
      String model,
      String task,
      String exampleId,
      String verifier,
      String filter,
      List<SampleWeight> weights) {
    this(model, task, exampleId, verifier, filter, weights, null);
  }

  /** Validates and copies the fields. */
  public WeightRecord {
    weights = List.copyOf(weights);
  }

  /** The key of the filtered example. */
  public ExampleKey exampleKey() {
    return new ExampleKey(model, task, exampleId);
  }

  /** The strategy that gave these weights. */
  public StrategyKey strategy() {
    return new StrategyKey(verifier, filter);
  }
}
