package io.gvgap.core.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks that a group's prompts fit together; each prompt is already valid on its own. */
final class GroupChecks {

  private GroupChecks() {}

  static void check(List<PromptData> prompts, MetricsSettings settings) {
    if (prompts == null || prompts.isEmpty()) {
      throw new IllegalArgumentException(
          "no prompts to compute metrics over; a group needs at least one prompt");
    }
    PromptData first = prompts.get(0);
    Set<String> ids = new HashSet<>();
    for (int p = 0; p < prompts.size(); p++) {
      PromptData prompt = prompts.get(p);
      if (prompt == null) {
        throw new IllegalArgumentException("prompt at position " + p + " of the group is null");
      }
      String where = "prompt '" + prompt.exampleId() + "'";
      if (!ids.add(prompt.exampleId())) {
        throw new IllegalArgumentException(where + " occurs twice in the group (position " + p
            + "); each example must be given once");
      }
      if (!prompt.scores().keySet().equals(first.scores().keySet())) {
        throw new IllegalArgumentException(
            where + " has scores of verifiers " + new TreeSet<>(prompt.scores().keySet())
                + " but prompt '" + first.exampleId() + "' has "
                + new TreeSet<>(first.scores().keySet())
                + "; every prompt of a group must be scored by the same verifiers");
      }
      if (!prompt.weights().keySet().equals(first.weights().keySet())) {
        throw new IllegalArgumentException(
            where + " has weights of strategies " + sorted(prompt.weights().keySet())
                + " but prompt '" + first.exampleId() + "' has "
                + sorted(first.weights().keySet())
                + "; every prompt of a group must be filtered by the same strategies");
      }
      for (int k : settings.passAtK()) {
        if (k > prompt.sampleCount()) {
          throw new IllegalArgumentException("pass@k with k=" + k + " needs at least " + k
              + " samples per prompt, but " + where + " has n=" + prompt.sampleCount()
              + "; lower k in the metrics settings or draw more samples");
        }
      }
    }
  }

  private static Set<String> sorted(Set<StrategyKey> keys) {
    Set<String> names = new TreeSet<>();
    keys.forEach(k -> names.add(k.toString()));
    return names;
  }
}
