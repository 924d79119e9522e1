package io.gvgap.tasks.common;

import io.gvgap.api.task.ExampleRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Chooses a request's subset of a fixed list (a data file's examples): the first {@code limit}
 * positions of a permutation seeded by the request's seed, returned in the list's own order.
 *
 * <p>Stable: the same seed and limit always give the same examples, and a larger limit with the
 * same seed gives a superset. The permutation is a Fisher-Yates shuffle driven by
 * {@link java.util.Random}, whose sequence for a seed is fixed by its specification, so subsets do
 * not change between Java versions.
 */
public final class SeededSubset {

  private SeededSubset() {}

  /** The request's subset of {@code items}, in their original order; all of them when the limit covers them. */
  public static <T> List<T> select(List<T> items, ExampleRequest request) {
    if (request.limit() >= items.size()) {
      return List.copyOf(items);
    }
    int[] order = new int[items.size()];
    Arrays.setAll(order, i -> i);
    Random random = new Random(request.seed());
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int[] chosen = Arrays.copyOf(order, request.limit());
    Arrays.sort(chosen);
    List<T> subset = new ArrayList<>(chosen.length);
    for (int index : chosen) {
      subset.add(items.get(index));
    }
    return List.copyOf(subset);
  }
}
