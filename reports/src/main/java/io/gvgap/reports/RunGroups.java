package io.gvgap.reports;

import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.ResultGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run arranged by group (model x task), the unit of every chart and table: the groups of
 * {@code metrics.json} first, in its order, then any group that only has samples (a partial run).
 *
 * @param run the run
 * @param groups its groups
 * @param examples the run's examples by task label and example id
 */
public record RunGroups(
    RunData run, List<GroupData> groups, Map<String, Map<String, ExampleRecord>> examples) {

  /** Copies the collections. */
  public RunGroups {
    groups = List.copyOf(groups);
    examples = Map.copyOf(examples);
  }

  /** Arranges {@code run} by group. */
  public static RunGroups of(RunData run) {
    Map<GroupKey, GroupData> groups = new LinkedHashMap<>();
    if (run.metrics() != null) {
      for (GroupResult result : run.metrics().groups()) {
        group(groups, result.model(), result.task())
            .setMetrics(result.metrics(), result.incompleteExamples());
      }
    }
    for (ResultGroup stored : run.records().groups()) {
      GroupData group = group(groups, stored.model(), stored.task());
      stored.examples().forEach(group::addExample);
    }
    Map<String, Map<String, ExampleRecord>> examples = new HashMap<>();
    for (ExampleRecord example : run.examples()) {
      examples
          .computeIfAbsent(example.task(), t -> new LinkedHashMap<>())
          .put(example.exampleId(), example);
    }
    Map<String, Map<String, ExampleRecord>> frozen = new HashMap<>();
    examples.forEach((task, byId) -> frozen.put(task, java.util.Collections.unmodifiableMap(byId)));
    return new RunGroups(run, new ArrayList<>(groups.values()), frozen);
  }

  /** The example record of (task, id), or null when {@code examples.jsonl} lacks it. */
  public ExampleRecord example(String task, String exampleId) {
    return examples.getOrDefault(task, Map.of()).get(exampleId);
  }

  private static GroupData group(Map<GroupKey, GroupData> groups, String model, String task) {
    return groups.computeIfAbsent(new GroupKey(model, task), k -> new GroupData(model, task));
  }

  private record GroupKey(String model, String task) {}
}
