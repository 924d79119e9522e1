package io.gvgap.reports;

import io.gvgap.core.metrics.Correctness;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.store.ExampleResults;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The samples, scores and metrics of one model on one task, arranged for the report: examples in
 * the task's order, samples by index, scores by verifier. Built by {@link RunGroups}.
 */
public final class GroupData {

  /**
   * One verifier's finite scores over a group's samples, with whether each sample is correct.
   *
   * @param scores the scores of the samples the verifier scored
   * @param correct for each of those samples: whether it is correct ({@link Correctness})
   * @param unscored samples with no score (parse failures, or scores not written yet)
   */
  public record ScoredSamples(double[] scores, boolean[] correct, int unscored) {}

  private final String model;
  private final String task;
  private final Map<String, List<SampleRecord>> samplesByExample = new LinkedHashMap<>();
  private final Map<String, Map<String, List<SampleScore>>> scoresByExample = new LinkedHashMap<>();
  private final Set<String> verifiers = new TreeSet<>();
  private final Map<String, Map<StrategyKey, List<SampleWeight>>> weightsByExample =
      new LinkedHashMap<>();
  private final Set<StrategyKey> strategies = new LinkedHashSet<>();
  private GroupMetrics metrics;
  private int incompleteExamples;

  GroupData(String model, String task) {
    this.model = model;
    this.task = task;
  }

  /** Adds an example of the group (examples arrive in the task's order, samples by index). */
  void addExample(ExampleResults example) {
    String id = example.key().exampleId();
    if (!example.samples().isEmpty()) {
      samplesByExample.put(id, example.samples());
    }
    example.scores().forEach((verifier, scores) -> {
      verifiers.add(verifier);
      scoresByExample.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(verifier, scores);
    });
    example.weights().forEach((strategy, weights) -> {
      strategies.add(strategy);
      weightsByExample.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(strategy, weights);
    });
  }

  void setMetrics(GroupMetrics groupMetrics, int incomplete) {
    this.metrics = groupMetrics;
    this.incompleteExamples = incomplete;
  }

  /** The generator's label. */
  public String model() {
    return model;
  }

  /** The task's label. */
  public String task() {
    return task;
  }

  /** The group's metrics from the run, or null when there are none. */
  public GroupMetrics metrics() {
    return metrics;
  }

  /** Examples left out of the metrics because they were incomplete. */
  public int incompleteExamples() {
    return incompleteExamples;
  }

  /** The verifier labels that scored some sample of the group, sorted. */
  public List<String> verifiers() {
    return List.copyOf(verifiers);
  }

  /** Example ids in the task's order. */
  public List<String> exampleIds() {
    return List.copyOf(samplesByExample.keySet());
  }

  /** The samples of an example, by sample index; empty when unknown. */
  public List<SampleRecord> samples(String exampleId) {
    return samplesByExample.getOrDefault(exampleId, List.of());
  }

  /** A verifier's scores of an example, or null when it has not scored the example. */
  public List<SampleScore> scores(String exampleId, String verifier) {
    return scoresByExample.getOrDefault(exampleId, Map.of()).get(verifier);
  }

  /** The (verifier, filter) strategies whose weights are stored for some example, in the order stored. */
  public List<StrategyKey> strategies() {
    return List.copyOf(strategies);
  }

  /** A strategy's weights of an example (by sample index), or null when none are stored. */
  public List<SampleWeight> weights(String exampleId, StrategyKey strategy) {
    return weightsByExample.getOrDefault(exampleId, Map.of()).get(strategy);
  }

  /** All samples of the group. */
  public int sampleCount() {
    return samplesByExample.values().stream().mapToInt(List::size).sum();
  }

  /** One verifier's finite scores over all samples of the group, against correctness. */
  public ScoredSamples scoredSamples(String verifier) {
    List<Double> values = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    int unscored = 0;
    for (Map.Entry<String, List<SampleRecord>> example : samplesByExample.entrySet()) {
      Map<Integer, SampleScore> byIndex = new LinkedHashMap<>();
      List<SampleScore> scores = scores(example.getKey(), verifier);
      if (scores != null) {
        scores.forEach(s -> byIndex.put(s.sampleIndex(), s));
      }
      for (SampleRecord sample : example.getValue()) {
        SampleScore score = byIndex.get(sample.sampleIndex());
        double value = score == null ? Double.NaN : score.valueOrNaN();
        if (Double.isFinite(value)) {
          values.add(value);
          labels.add(Correctness.isCorrect(sample.utility()));
        } else {
          unscored++;
        }
      }
    }
    double[] scoreArray = new double[values.size()];
    boolean[] correctArray = new boolean[values.size()];
    for (int i = 0; i < scoreArray.length; i++) {
      scoreArray[i] = values.get(i);
      correctArray[i] = labels.get(i);
    }
    return new ScoredSamples(scoreArray, correctArray, unscored);
  }

  /**
   * Examples some of whose samples lack a score of one of {@code expectedVerifiers}: work not
   * written yet in a run still going or one that crashed.
   */
  public int examplesMissingScores(List<String> expectedVerifiers) {
    int missing = 0;
    for (Map.Entry<String, List<SampleRecord>> example : samplesByExample.entrySet()) {
      for (String verifier : expectedVerifiers) {
        List<SampleScore> scores = scores(example.getKey(), verifier);
        if (scores == null || scores.size() < example.getValue().size()) {
          missing++;
          break;
        }
      }
    }
    return missing;
  }

  /** Per example (in order): its number of samples. */
  public int[] sampleCounts() {
    return samplesByExample.values().stream().mapToInt(List::size).toArray();
  }

  /** Per example (in order): how many of its samples are correct. */
  public int[] correctCounts() {
    return samplesByExample.values().stream()
        .mapToInt(list ->
            (int) list.stream().filter(s -> Correctness.isCorrect(s.utility())).count())
        .toArray();
  }
}
