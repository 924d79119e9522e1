package io.gvgap.core.pipeline;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import io.gvgap.core.store.WeightRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns each verifier's scores of a batch's examples into each filter's weights and appends one
 * {@link WeightRecord} per (example, verifier, filter) to {@code weights.jsonl}: the stage after
 * verification. Weights an interrupted attempt already stored are not computed again. Metrics,
 * reports and distillation read the stored weights, so none of them runs a filter.
 */
final class FilteringStage {

  private final String modelLabel;
  private final String taskLabel;
  private final List<String> verifiers;
  private final List<LabeledFilter> filters;
  private final long seed;
  private final RunStore store;

  /**
   * @param verifiers verifier labels in spec order
   * @param filters filters in spec order
   * @param seed the run's seed, the filters' {@link FilterContext#seed()} (tie-breaking)
   */
  FilteringStage(
      String modelLabel,
      String taskLabel,
      List<String> verifiers,
      List<LabeledFilter> filters,
      long seed,
      RunStore store) {
    this.modelLabel = modelLabel;
    this.taskLabel = taskLabel;
    this.verifiers = List.copyOf(verifiers);
    this.filters = List.copyOf(filters);
    this.seed = seed;
    this.store = store;
  }

  /**
   * Filters what is missing for {@code batch}, whose samples and scores {@code records} holds
   * (every sample generated, every verifier run); returns the weights stored now.
   */
  List<WeightRecord> run(List<Example> batch, BatchRecords records) {
    List<WeightRecord> stored = new ArrayList<>();
    for (Example example : batch) {
      ExampleKey key = records.key(example.id());
      List<SampleRecord> samples = records.samples(example.id());
      Map<String, List<SampleScore>> scores = records.scores(example.id());
      for (String verifier : verifiers) {
        for (LabeledFilter filter : filters) {
          StrategyKey strategy = new StrategyKey(verifier, filter.label());
          if (store.hasWeights(strategy, key)) {
            continue;
          }
          WeightRecord record = weigh(key, samples, scores.get(verifier), verifier, filter);
          store.appendWeights(record);
          stored.add(record);
        }
      }
    }
    return stored;
  }

  private WeightRecord weigh(
      ExampleKey key,
      List<SampleRecord> samples,
      List<SampleScore> scores,
      String verifier,
      LabeledFilter filter) {
    int n = samples.size();
    if (scores == null || scores.size() != n) {
      throw new PipelineException("verifier '" + verifier + "' has not scored all " + n
          + " samples of '" + key.exampleId() + "' before filter '" + filter.label() + "' runs");
    }
    double[] values = new double[n];
    List<Answer> answers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      SampleRecord s = samples.get(i);
      if (s.sampleIndex() != i) {
        throw new PipelineException("sample " + i + " of '" + key.exampleId()
            + "' is missing before filter '" + filter.label() + "' runs");
      }
      answers.add(s.answerFound() ? Answer.of(s.answer()) : Answer.none());
    }
    for (SampleScore s : scores) {
      values[s.sampleIndex()] = s.valueOrNaN();
    }
    double[] w =
        filter.filter().weights(values.clone(), new FilterContext(key.exampleId(), answers, seed));
    checkWeights(filter.label(), verifier, key, values, w);
    List<SampleWeight> weights = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      weights.add(SampleWeight.of(i, w[i]));
    }
    OptionalInt asked = filter.filter().askedCount(values.clone());
    return new WeightRecord(
        modelLabel,
        taskLabel,
        key.exampleId(),
        verifier,
        filter.label(),
        weights,
        asked.isPresent() ? asked.getAsInt() : null);
  }

  private static void checkWeights(
      String filter, String verifier, ExampleKey key, double[] scores, double[] w) {
    if (w == null || w.length != scores.length) {
      throw new PipelineException("filter '" + filter + "' returned "
          + (w == null ? "null" : w.length + " weights") + " for " + scores.length + " samples of '"
          + key.exampleId() + "' (verifier '" + verifier + "')");
    }
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw new PipelineException("filter '" + filter + "' gave weight " + w[i] + " to sample "
            + i + " of '" + key.exampleId() + "'; weights must be finite and >= 0");
      }
      if (Double.isNaN(scores[i]) && w[i] > 0) {
        throw new PipelineException("filter '" + filter + "' kept sample " + i + " of '"
            + key.exampleId() + "' which verifier '" + verifier
            + "' could not score; unscored samples must get weight 0");
      }
    }
  }
}
