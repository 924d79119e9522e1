package io.gvgap.core.store;

import io.gvgap.core.metrics.StrategyKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The records of a run directory ({@code examples.jsonl}, {@code samples.jsonl},
 * {@code scores.jsonl}, {@code weights.jsonl}) read once and joined by key: each example of each
 * model with its samples, scores and weights ({@link ExampleResults}), grouped by model and task
 * ({@link ResultGroup}). Every reader of a run's results (metrics, merge, reports, studies, the
 * sample index) goes through this type; a torn last line (a crash) is skipped, a record stored
 * twice is an error naming the file.
 *
 * <p>Order: groups in the order their first sample was stored (then groups that only have scores
 * or weights); a group's examples by their position in the task's example list, examples without
 * an {@code examples.jsonl} record last, in the order stored.
 */
public final class RunRecords {

  private record GroupKey(String model, String task) {}

  private final List<ExampleRecord> exampleRecords;
  private final List<ResultGroup> groups;
  private final Map<ExampleKey, ExampleResults> byKey;

  private RunRecords(
      List<ExampleRecord> exampleRecords,
      List<ResultGroup> groups,
      Map<ExampleKey, ExampleResults> byKey) {
    this.exampleRecords = List.copyOf(exampleRecords);
    this.groups = List.copyOf(groups);
    this.byKey = byKey;
  }

  /** No records: a run directory that has not stored anything yet. */
  public static RunRecords empty() {
    return new RunRecords(List.of(), List.of(), Map.of());
  }

  /**
   * Reads the records of the run directory {@code dir}; missing files read as empty.
   *
   * @throws RunStoreException naming file and line of a record that does not parse, or a record
   *     stored twice
   */
  public static RunRecords read(Path dir) {
    List<ExampleRecord> examples = new ArrayList<>();
    Map<String, Map<String, ExampleRecord>> exampleById = new HashMap<>();
    JsonLinesReader.read(dir.resolve(RunStore.EXAMPLES), ExampleRecord.class, e -> {
      if (exampleById.computeIfAbsent(e.task(), t -> new HashMap<>()).putIfAbsent(e.exampleId(), e)
          == null) {
        examples.add(e);
      }
    });
    Set<ExampleKey> keys = new LinkedHashSet<>();
    Map<ExampleKey, TreeMap<Integer, SampleRecord>> samples = new HashMap<>();
    Path samplesFile = dir.resolve(RunStore.SAMPLES);
    JsonLinesReader.read(samplesFile, SampleRecord.class, s -> {
      keys.add(s.exampleKey());
      if (samples
              .computeIfAbsent(s.exampleKey(), k -> new TreeMap<>())
              .putIfAbsent(s.sampleIndex(), s)
          != null) {
        throw new RunStoreException(samplesFile + ": sample " + s.sampleIndex() + " of "
            + s.exampleKey() + " is recorded twice; the run directory is damaged");
      }
    });
    Map<ExampleKey, Map<String, List<SampleScore>>> scores = new HashMap<>();
    Path scoresFile = dir.resolve(RunStore.SCORES);
    JsonLinesReader.read(scoresFile, ScoreRecord.class, r -> {
      keys.add(r.exampleKey());
      List<SampleScore> sorted = new ArrayList<>(r.scores());
      sorted.sort(Comparator.comparingInt(SampleScore::sampleIndex));
      if (scores
              .computeIfAbsent(r.exampleKey(), k -> new LinkedHashMap<>())
              .putIfAbsent(r.verifier(), sorted)
          != null) {
        throw new RunStoreException(scoresFile + ": verifier '" + r.verifier() + "' scored "
            + r.exampleKey() + " twice; the run directory is damaged");
      }
    });
    Map<ExampleKey, Map<StrategyKey, List<SampleWeight>>> weights = new HashMap<>();
    Map<ExampleKey, Map<StrategyKey, Integer>> asked = new HashMap<>();
    Path weightsFile = dir.resolve(RunStore.WEIGHTS);
    JsonLinesReader.read(weightsFile, WeightRecord.class, w -> {
      keys.add(w.exampleKey());
      List<SampleWeight> sorted = new ArrayList<>(w.weights());
      sorted.sort(Comparator.comparingInt(SampleWeight::sampleIndex));
      if (weights
              .computeIfAbsent(w.exampleKey(), k -> new LinkedHashMap<>())
              .putIfAbsent(w.strategy(), sorted)
          != null) {
        throw new RunStoreException(weightsFile + ": strategy " + w.strategy() + " weighted "
            + w.exampleKey() + " twice; the run directory is damaged");
      }
      if (w.asked() != null) {
        asked.computeIfAbsent(w.exampleKey(), k -> new HashMap<>()).put(w.strategy(), w.asked());
      }
    });
    Map<GroupKey, List<ExampleResults>> grouped = new LinkedHashMap<>();
    Map<ExampleKey, ExampleResults> byKey = new HashMap<>();
    for (ExampleKey key : keys) {
      ExampleRecord example = exampleById.getOrDefault(key.task(), Map.of()).get(key.exampleId());
      ExampleResults results = new ExampleResults(
          key,
          example,
          new ArrayList<>(samples.getOrDefault(key, new TreeMap<>()).values()),
          scores.getOrDefault(key, Map.of()),
          weights.getOrDefault(key, Map.of()),
          asked.getOrDefault(key, Map.of()));
      grouped
          .computeIfAbsent(new GroupKey(key.model(), key.task()), g -> new ArrayList<>())
          .add(results);
      byKey.put(key, results);
    }
    List<ResultGroup> groups = new ArrayList<>();
    grouped.forEach((group, list) -> {
      list.sort(Comparator.comparingInt(ExampleResults::position));
      groups.add(new ResultGroup(group.model(), group.task(), list));
    });
    return new RunRecords(examples, groups, byKey);
  }

  /** The records of {@code examples.jsonl}, in the order stored, each (task, id) once. */
  public List<ExampleRecord> exampleRecords() {
    return exampleRecords;
  }

  /** The groups (model x task), each with its examples in the task's order. */
  public List<ResultGroup> groups() {
    return groups;
  }

  /** The group of {@code model} on {@code task}, if anything of it is stored. */
  public Optional<ResultGroup> group(String model, String task) {
    return groups.stream()
        .filter(g -> g.model().equals(model) && g.task().equals(task))
        .findFirst();
  }

  /** Every example of every group, group by group. */
  public Stream<ExampleResults> examples() {
    return groups.stream().flatMap(g -> g.examples().stream());
  }

  /** The stored results of one example, if any. */
  public Optional<ExampleResults> example(ExampleKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Every stored sample, group by group, example by example. */
  public List<SampleRecord> samples() {
    return examples().flatMap(e -> e.samples().stream()).toList();
  }
}
