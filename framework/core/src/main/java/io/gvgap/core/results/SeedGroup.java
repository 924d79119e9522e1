package io.gvgap.core.results;

import io.gvgap.core.metrics.NanAsNull;
import java.util.List;

/**
 * The models of a scaling fit that share one pre-training FLOPs value: one shape trained with
 * different seeds (same parameters, same tokens), whose values differ only by the seed.
 *
 * @param flops their pre-training FLOPs
 * @param models the model labels, in spec order
 * @param mean the mean of their defined values (null when none is defined)
 * @param sd the sample standard deviation of their defined values (n - 1 in the denominator; null
 *     with fewer than two)
 * @param min the smallest defined value
 * @param max the largest defined value
 * @param defined how many of the models have a defined value
 */
public record SeedGroup(
    double flops,
    List<String> models,
    @NanAsNull double mean,
    @NanAsNull double sd,
    @NanAsNull double min,
    @NanAsNull double max,
    int defined) {

  /** Copies the list. */
  public SeedGroup {
    models = List.copyOf(models);
  }
}
