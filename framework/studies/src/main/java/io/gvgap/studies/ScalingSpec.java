package io.gvgap.studies;

import io.gvgap.core.spec.RunSpec;
import java.util.Map;

/**
 * A scaling spec: a run spec over a model family plus the x-axis.
 *
 * @param run the run part; its models are the family
 * @param flops pre-training FLOPs given in the spec per model label (others are read from model cards)
 * @param confidence the slope interval's confidence level; null for the run's metrics confidence
 */
public record ScalingSpec(RunSpec run, Map<String, Double> flops, Double confidence) {

  /** Copies the map. */
  public ScalingSpec {
    flops = Map.copyOf(flops);
  }
}
